import { GuidePage } from '@/features/guide/guide-page'

export default function Route() {
  return <GuidePage page="next" />
}
