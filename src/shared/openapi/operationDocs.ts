/**
 * What a reader of the API portal needs beyond the schemas: a description of each operation and
 * examples of what to send and what comes back. Keyed by `operationId`; every operation in
 * `API_OPERATIONS` has an entry (Spectral's `operation-description` fails the lint otherwise).
 * Examples are checked against their schemas by Spectral (`oas3-valid-media-example`).
 */
export interface OperationDoc {
  description: string;
  requestExample?: unknown;
  responseExample?: unknown;
}

const GYEONGBOKGUNG = {
  id: 'kakao:8186998',
  provider: 'kakao',
  name: '경복궁',
  category: 'attraction',
  categories: ['여행', '관광,명소', '고궁,궁'],
  location: { lat: 37.5796, lng: 126.977 },
  address: '서울 종로구 사직로 161',
  url: 'http://place.map.kakao.com/8186998',
};

const TRIP = {
  name: 'Seoul with grandparents',
  destination: { name: 'Seoul', lat: 37.5665, lng: 126.978, countryCode: 'KR' },
  startDate: '2026-12-10',
  endDate: '2026-12-11',
  dailyStart: '09:00',
  dailyEnd: '20:00',
  accommodation: { name: 'Hotel near City Hall', lat: 37.5658, lng: 126.9751 },
  transport: { mode: 'transit' },
  members: [
    { name: 'Minji', age: 36, preferences: ['history', 'food'] },
    { name: 'Halmeoni', age: 72, health: { mobility: 'limited' }, preferences: ['palaces'] },
  ],
  language: 'ko',
};

export const OPERATION_DOCS: Readonly<Record<string, OperationDoc>> = {
  getHealth: {
    description:
      'Liveness of the app and readiness of each configured dependency (storage, Redis, Service Bus, Key Vault). ' +
      'Answers 503 when a required dependency is down. No authentication.',
    responseExample: { status: 'ok', checks: { storage: { status: 'ok', ms: 4, required: true } } },
  },
  getOpenApi: {
    description: 'This OpenAPI 3.1 document, generated from the schemas the handlers validate with (for APIM import).',
  },
  searchPlaces: {
    description:
      'Searches places by text and/or category, optionally around a point. Kakao answers first in Korea and Google ' +
      'elsewhere (an explicit `provider` wins); a failing provider hands over to the other. Pages are cached 30 min ' +
      '(5 min for `openNow`); `cache` says whether this page came from the cache.',
    responseExample: { places: [GYEONGBOKGUNG], provider: 'kakao', page: 1, hasMore: false, cache: 'miss' },
  },
  getPlace: {
    description:
      'Details of one place by id (`kakao:<id>` or `google:<id>`), with opening hours where known. Kakao has no ' +
      'details API: a Kakao place is served as seen in a recent search, with hours matched from Google.',
    responseExample: GYEONGBOKGUNG,
  },
  getRoute: {
    description:
      'One travel leg between two points: Kakao Mobility for cars in Korea, Google Routes elsewhere. Where no ' +
      'provider has directions (e.g. walking in Korea) the leg is estimated from distance and marked `estimated`.',
    responseExample: { distanceMeters: 4520, durationSeconds: 780, mode: 'car', provider: 'kakao', estimated: false },
  },
  computeRouteMatrix: {
    description:
      'Distances and durations from every origin to every destination (up to 25 × 25), in as few upstream calls as ' +
      'possible; cells no provider answers are estimated.',
    requestExample: {
      origins: [{ lat: 37.5796, lng: 126.977 }],
      destinations: [{ lat: 37.5512, lng: 126.9882 }],
      mode: 'car',
    },
    responseExample: { rows: [[{ distanceMeters: 4520, durationSeconds: 780, estimated: false }]] },
  },
  geocode: {
    description:
      'Candidate points for an address or place name, best first: Kakao address search for Korean queries, Google ' +
      'Places elsewhere. Cached 24 h.',
    responseExample: {
      results: [{ location: { lat: 35.1587, lng: 129.1604 }, address: '부산 해운대구 해운대해변로 264', provider: 'kakao' }],
    },
  },
  reverseGeocode: {
    description: 'The address or region of a point: Kakao regions in Korea, the nearest Google place elsewhere.',
  },
  recommendPlaces: {
    description:
      'Places near a destination or point ranked by the same scoring the itinerary planner uses, for the ' +
      'group described (ages, mobility, preferences, diet): each with a one-line reason in the requested ' +
      'language and, when a date and time are given, whether it is open then. Places known to be unsuitable ' +
      '(e.g. not wheelchair accessible for a wheelchair user, strenuous for small children) are left out. ' +
      'Cached for 2 hours per query.',
  },
  editItinerary: {
    description:
      "Applies one or more edits to the itinerary in order: `remove`, `move` (to another position or day), `swap`, `setDuration`, `add` (a place by id), `replace` (an item by another place), `lockDay` and `dismissNote` (a note in `detachedNotes` the traveller has dealt with). Every affected day is re-timed by the planner and checked against opening hours, meals, travel legs and the day's bounds. An edit that breaks them answers 409 with one error per problem, unless `force` is set, in which case it is applied with warnings. Memos and photos stay with their items. Requires `If-Match` with the itinerary's ETag.",
  },
  regenerateItinerary: {
    description:
      "Plans one day (`date`) or every unlocked day again from fresh candidates, keeping locked days, must-visit places and stops that carry memos or photos. A different `variation` seed gives a different plan of similar quality. The replaced version is kept (see the versions operation). Clears the itinerary's `stale` mark. Requires `If-Match`.",
  },
  getItemAlternatives: {
    description:
      "Places that could take this item's slot on the same day: open then, near the route, suited to the group and not already in the plan, ranked by score minus the extra travel they cause. Replace the item with one of them by a `replace` edit.",
  },
  listItineraryVersions: {
    description:
      "The itinerary's earlier versions, newest first: each edit, regeneration and restore keeps the version it replaced.",
  },
  restoreItineraryVersion: {
    description:
      "Makes an earlier version the current itinerary. The version it replaces is kept too, so a restore can itself be undone. Requires `If-Match`.",
  },
  completeAttachment: {
    description:
      "Confirms a photo upload made with the SAS URL from the attachment operation. The blob must exist, be within the declared and configured size, and start with the bytes of an image; it is then marked ready. Otherwise the blob is deleted and the answer is 422 with the reason.",
  },
  deleteAttachment: {
    description:
      "Deletes a photo from its item and removes its blob.",
  },
  listPhotos: {
    description:
      "The itinerary's ready photos, each with its item and a read URL valid for a short time.",
  },
  createShareLink: {
    description:
      "Creates a read-only link to the itinerary that works without sign-in, as an HTML page for browsers or JSON for clients. The token is 256 random bits; only its hash is stored. Memos are included only when the owner asks for them. Creating a new link revokes the previous one.",
  },
  getShareLink: {
    description:
      "Whether the trip has a live share link.",
  },
  revokeShareLink: {
    description:
      "Revokes the trip's share link; from then on the link answers 404.",
  },
  viewSharedItinerary: {
    description:
      "The itinerary behind a share link, with no sign-in: a printable, phone-friendly HTML page (days, times, places, travel legs, opening hours and map links) or, with `Accept: application/json`, the same data as JSON. Places are named in the trip's language with the name as written locally beside them (`nameOriginal`). A revoked or unknown token answers 404.",
  },
  createTrip: {
    description:
      'Creates a trip owned by the caller. Answers 201 with `Location` and `ETag`; bad input gets 400 with the ' +
      'failing field paths and stores nothing.',
    requestExample: TRIP,
  },
  listTrips: { description: "The caller's trips, newest first, paged with `cursor`." },
  getTrip: {
    description: "One of the caller's trips, with its `ETag` for later writes. Another user's trip is 404.",
  },
  replaceTrip: {
    description: 'Replaces a trip. `If-Match` is required: 428 without it, 412 when the trip changed since it was read.',
    requestExample: TRIP,
  },
  patchTrip: {
    description: 'Changes some fields of a trip (JSON Merge Patch, RFC 7396), under the same `If-Match` rules as PUT.',
    requestExample: { name: 'Seoul in December' },
  },
  deleteTrip: { description: 'Deletes a trip with its jobs, itinerary and photo attachments.' },
  createItineraryJob: {
    description:
      'Starts generating the itinerary in the background and answers 202 with the job and `Location: /api/jobs/{jobId}`. ' +
      'On a trip that already has an itinerary, the new plan replaces it (kept as a version) with the memos and photos carried over; ' +
      'days the traveller locked are kept as they are and the other days planned around them, as regenerate does. ' +
      'An `Idempotency-Key` makes a retried request return the same job.',
    responseExample: { jobId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', status: 'queued' },
  },
  getJob: {
    description: 'Status, step and progress of a generation job; a failed job carries `error.code` and a message.',
  },
  streamJob: {
    description: 'The job as Server-Sent Events: one `data:` event per change until it completes or fails.',
  },
  getItinerary: {
    description:
      'The generated itinerary: days of timed visits, meals, travel legs and rests, with warnings and the places ' +
      'that could not fit. Honours `If-None-Match` (304).',
  },
  setItemMemo: {
    description: "Sets the memo of one itinerary item; the item's times and place are unchanged.",
    requestExample: { memo: 'Bring water' },
  },
  createAttachmentUpload: {
    description:
      'A short-lived SAS URL to upload one photo for an item straight to Blob Storage (the app never proxies photo bytes).',
    requestExample: { contentType: 'image/jpeg', sizeBytes: 524288, fileName: 'palace.jpg' },
  },
  mcp: {
    description:
      'The Model Context Protocol endpoint (Streamable HTTP, stateless, JSON responses): the place tools ' +
      '(`search_places`, `get_place_details`, `get_route`, `compute_route_matrix`, `geocode`, `reverse_geocode`) ' +
      'and the itinerary tools, as JSON-RPC 2.0.',
    requestExample: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
  },
};
