import { itemId } from './dayItems.js';
import { message } from './messages.js';
import type { ItineraryItem } from './planTypes.js';
import { formatHhmm, parseHhmm } from './timeOfDay.js';

/** A wait this long before a stop is free time the traveller is told about, not an unexplained hole. */
export const FREE_TIME_MINUTES = 30;
/** Free time this long is enough to go back and rest at the accommodation, and the note says so. */
const LONG_FREE_TIME_MINUTES = 90;

/**
 * Turn each long wait of a day into marked free time: a traveller arriving at 15:40 for a 17:30
 * dinner would otherwise stand at the door. The travel to the next stop is moved to just before it,
 * and the time between the previous stop (with its rest) and that departure becomes one `rest`
 * item whose reason says, in the trip's language, that it is free time. With `dayStart`, a late
 * first stop (a light day that begins with lunch) is preceded by free time too. Times of stops never
 * change.
 */
export function markFreeTime(
  date: string,
  items: readonly ItineraryItem[],
  language: string,
  dayStart?: number,
): ItineraryItem[] {
  const result: ItineraryItem[] = [];
  const freeTime = (from: number, to: number): ItineraryItem => ({
    id: '',
    kind: 'rest',
    start: formatHhmm(from),
    end: formatHhmm(to),
    reason: message(language, to - from >= LONG_FREE_TIME_MINUTES ? 'free_time_long' : 'free_time', {
      minutes: to - from,
    }),
  });
  // A day whose first stop is late (lunch on a light day) starts with free time, not an unexplained morning.
  const first = items[0];
  if (dayStart !== undefined && first && parseHhmm(first.start) - dayStart >= FREE_TIME_MINUTES)
    result.push(freeTime(dayStart, parseHhmm(first.start)));
  let index = 0;
  while (index < items.length) {
    const item = items[index]!;
    // Travel items between the last non-travel item and the next stop.
    let next = index;
    while (next < items.length && items[next]!.kind === 'travel') next++;
    const stop = items[next];
    const previous = result.at(-1);
    if (next === index || !stop || !previous || previous.kind === 'travel') {
      result.push(item);
      index++;
      continue;
    }
    const legs = items.slice(index, next);
    const travelMinutes = legs.reduce((sum, leg) => sum + parseHhmm(leg.end) - parseHhmm(leg.start), 0);
    const departure = parseHhmm(stop.start) - travelMinutes;
    const freeFrom = parseHhmm(previous.end);
    if (departure - freeFrom < FREE_TIME_MINUTES) {
      result.push(...legs);
      index = next;
      continue;
    }
    // A short rest right after the previous stop grows into the free time; otherwise a new rest starts.
    const from = previous.kind === 'rest' ? parseHhmm(result.pop()!.start) : freeFrom;
    result.push(freeTime(from, departure));
    let time = departure;
    for (const leg of legs) {
      const minutes = parseHhmm(leg.end) - parseHhmm(leg.start);
      result.push({ ...leg, start: formatHhmm(time), end: formatHhmm(time + minutes) });
      time += minutes;
    }
    index = next;
  }
  return result.map((item, position) => ({
    ...item,
    // The group's pause after a stop says what it is, as free time does ("Break (20 min): …").
    ...(item.kind === 'rest' && !item.reason
      ? {
          reason: message(language, 'rest_break', {
            minutes: parseHhmm(item.end) - parseHhmm(item.start),
          }),
        }
      : {}),
    id: itemId(date, position, item.kind, item.placeId),
  }));
}
