import { EventsPage } from '@/features/resource-map/events-page'
import { paths, placePath } from '../paths'

export default function EventsRoute() {
  return <EventsPage placeHref={placePath} mapHref={paths.map} />
}
