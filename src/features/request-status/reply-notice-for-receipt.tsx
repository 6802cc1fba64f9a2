import { useEffect, useState } from 'react'
import { deployment } from '@/lib/deployment'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import type { Credentials } from '@/shared/schemas/requests'
import { ReplyNoticeToggle } from './reply-notice-toggle'

/** The same switch on the booking confirmation, which has the receipt but not yet its derived keys. */
export function ReplyNoticeForReceipt({ receipt }: { receipt: string }) {
  const [credentials, setCredentials] = useState<Credentials | null>(null)
  useEffect(() => {
    let live = true
    void deriveReceiptKeys(receipt, deployment.id).then((keys) => live && setCredentials({ lookupId: keys.lookupId, authKey: keys.authKey }))
    return () => {
      live = false
    }
  }, [receipt])
  return credentials ? <ReplyNoticeToggle credentials={credentials} staffReplies={0} open /> : null
}
