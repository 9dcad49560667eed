import type { Place } from '../../domain/place.js';
import { openIntervalsOn } from '../../planner/openingWindows.js';
import { formatHhmm } from '../../planner/timeOfDay.js';
import { weekdayOf } from '../../planner/tripDates.js';
import { mapLink } from './mapLink.js';
import type { SharedItinerary } from './sharedView.js';
import { type ShareLabels, shareLabels } from './shareLabels.js';

/** Inline styles only: the page loads nothing else (no scripts, fonts or external CSS). */
const STYLE = `
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans KR",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #2a6f97}
ol{list-style:none;padding:0;margin:0}li{display:flex;gap:.75rem;padding:.5rem 0;border-bottom:1px solid #e4e4e4}
.time{flex:0 0 6.5rem;font-variant-numeric:tabular-nums;color:#444}.what{flex:1;min-width:0}
.travel,.rest{color:#666;font-size:.9rem}.name{font-weight:600}.original{color:#555;font-size:.9rem}
.hours,.memo{font-size:.85rem;color:#555}.memo{font-style:italic}a{color:#2a6f97}
.notice{background:#fff4d6;padding:.5rem;border-radius:4px;font-size:.9rem}
@media (max-width:30rem){li{flex-direction:column;gap:.1rem}.time{flex:none}}
@media print{body{background:#fff}a{color:inherit;text-decoration:none}h2{break-after:avoid}li{break-inside:avoid}}
`;

/**
 * The shared itinerary as one printable, phone-friendly HTML page in the trip's language, every value
 * escaped.
 */
export function renderSharePage(view: SharedItinerary): string {
  const words = shareLabels(view.language);
  const days = view.days
    .map((day) => {
      const weekday = weekdayOf(day.date);
      const items = day.items.map((item) => {
        const time = `<span class="time">${esc(item.start)}–${esc(item.end)}</span>`;
        if (item.kind === 'travel' && item.travel) {
          const km = (item.travel.distanceMeters / 1000).toFixed(1);
          const minutes = Math.round(item.travel.durationSeconds / 60);
          const mode = words.modes[item.travel.mode] ?? item.travel.mode;
          return `<li class="travel">${time}<span class="what">${esc(mode)} ${esc(words.minutes(minutes))} · ${km} km${item.travel.estimated ? esc(words.estimated) : ''}</span></li>`;
        }
        // Free time carries its note in the trip's language ("Free time (65 min): …").
        if (item.kind === 'rest' || !item.place)
          return `<li class="rest">${time}<span class="what">${esc(item.reason ?? words.rest)}</span></li>`;
        const label = item.kind === 'meal' ? `${item.meal === 'dinner' ? words.dinner : words.lunch}: ` : '';
        return `<li class="${item.kind}">${time}<span class="what">${esc(label)}${placeHtml(item.place, weekday, words)}${
          'memo' in item && item.memo ? `<div class="memo">${esc(item.memo)}</div>` : ''
        }</span></li>`;
      });
      return `<section><h2>${esc(day.date)}</h2><ol>${items.join('')}</ol></section>`;
    })
    .join('');
  return `<!doctype html>
<html lang="${esc(view.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(view.tripName)} — ${esc(words.itinerary)}</title><style>${STYLE}</style></head>
<body><main><h1>${esc(view.tripName)}</h1>${view.notice ? `<p class="notice">${esc(view.notice)}</p>` : ''}${days}
<p class="hours">${esc(words.footer(view.generatedAt.slice(0, 10)))}</p></main></body></html>`;
}

/** The place's name in the trip's language, linked to a map, with the name as written locally beside it. */
function placeHtml(place: Place, weekday: number, words: ShareLabels): string {
  const original = place.nameOriginal;
  const hours = place.openingHours ? openIntervalsOn(place.openingHours, weekday) : undefined;
  const hoursText =
    hours === undefined
      ? words.hoursUnknown
      : hours.length === 0
        ? words.closed
        : words.open(hours.map((h) => `${formatHhmm(h.start)}–${formatHhmm(h.end)}`).join(', '));
  return `<a class="name" href="${esc(mapLink(place))}" rel="noopener noreferrer"${langAttr(place.language)}>${esc(place.name)}</a>${
    original && original !== place.name
      ? ` <span class="original"${langAttr(place.originalLanguage)}>${esc(original)}</span>`
      : ''
  }<div class="original">${esc(place.address)}</div><div class="hours">${esc(hoursText)}</div>`;
}

/** `lang` on a name so screen readers and font fallback treat 경복궁 or 東京 as what they are. */
function langAttr(language: string | undefined): string {
  return language ? ` lang="${esc(language)}"` : '';
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
