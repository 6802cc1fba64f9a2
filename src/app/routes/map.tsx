import { MapPage } from '@/features/resource-map/map-page'
import { placePath } from '../paths'

export default function MapRoute() {
  return <MapPage placeHref={placePath} />
}
