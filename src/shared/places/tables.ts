import { audiences, placeKinds, recurrences, weekdays } from '../schemas/places'
import { readingColumn, textColumns, type Column } from './columns'

export const placeColumns: readonly Column[] = [
  { header: 'id', path: ['id'], kind: 'text', required: true },
  ...textColumns('name', ['name'], true, true),
  { header: 'kinds', path: ['kinds'], kind: 'list', values: placeKinds, required: true },
  ...textColumns('municipality', ['municipality'], true),
  ...textColumns('address', ['address']),
  { header: 'lat', path: ['location', 'lat'], kind: 'number', required: true },
  { header: 'lng', path: ['location', 'lng'], kind: 'number', required: true },
  { header: 'audiences', path: ['audiences'], kind: 'list', values: audiences, required: true },
  { header: 'booking_required', path: ['bookingRequired'], kind: 'bool', required: true },
  { header: 'free', path: ['free'], kind: 'bool', required: true },
  ...textColumns('cost', ['cost']),
  { header: 'in_person', path: ['inPerson'], kind: 'bool', required: true },
  { header: 'online', path: ['online'], kind: 'bool', required: true },
  { header: 'phone', path: ['contact', 'phone'], kind: 'text' },
  { header: 'email', path: ['contact', 'email'], kind: 'text' },
  { header: 'url', path: ['contact', 'url'], kind: 'text' },
  ...textColumns('contact_note', ['contact', 'note']),
  ...textColumns('about', ['about'], true),
  ...textColumns('mood', ['mood'], true),
  ...textColumns('access', ['access']),
  { header: 'window_id', path: ['windowId'], kind: 'text' },
  { header: 'source', path: ['source', 'document'], kind: 'text', required: true },
  readingColumn('source', ['source', 'kana']),
  { header: 'source_date', path: ['source', 'date'], kind: 'day', required: true },
]

export const eventColumns: readonly Column[] = [
  { header: 'id', path: ['id'], kind: 'text', required: true },
  { header: 'place_id', path: ['placeId'], kind: 'text', required: true },
  ...textColumns('title', ['title'], true, true),
  { header: 'date', path: ['date'], kind: 'day' },
  { header: 'recurrence', path: ['recurrence'], kind: 'text', values: recurrences },
  { header: 'weekday', path: ['weekday'], kind: 'text', values: weekdays },
  { header: 'start', path: ['start'], kind: 'time' },
  { header: 'end', path: ['end'], kind: 'time' },
  ...textColumns('note', ['note']),
  { header: 'source', path: ['source', 'document'], kind: 'text', required: true },
  readingColumn('source', ['source', 'kana']),
  { header: 'source_date', path: ['source', 'date'], kind: 'day', required: true },
]
