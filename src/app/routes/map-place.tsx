import { useParams } from 'react-router'
import { PlacePage } from '@/features/resource-map/place-page'
import { paths } from '../paths'

export default function MapPlaceRoute() {
  const { id = '' } = useParams()
  return <PlacePage id={id} mapHref={paths.map} bookHref={(windowId) => `${paths.book}?window=${encodeURIComponent(windowId)}`} />
}
