import type { CampaignView, FunnelEvent, FunnelRow, NewCampaign } from '../../shared/schemas/campaigns'
import { sql, type SqlDriver, type SqlRow } from '../store/sql-driver'

export interface CampaignStore {
  /** The campaign behind a code, retired or not; null when unknown. */
  find(code: string): Promise<CampaignView | null>
  /**
   * Adds one to (campaign, event, day) when the campaign exists and is not retired; answers whether
   * it counted. One statement: the check and the count cannot drift apart.
   */
  count(code: string, event: FunnelEvent, day: string): Promise<boolean>
  create(code: string, windowId: string, campaign: NewCampaign, createdOn: string): Promise<CampaignView>
  list(windowId: string): Promise<CampaignView[]>
  retire(windowId: string, code: string, at: string): Promise<boolean>
  /** Counts of the window's campaigns between two Tokyo dates (inclusive), for the funnel view. */
  funnel(windowId: string, from: string, to: string): Promise<FunnelRow[]>
}

function toView(row: SqlRow): CampaignView {
  return {
    code: String(row.code),
    windowId: String(row.window_id),
    targetPath: String(row.target_path),
    language: row.language as CampaignView['language'],
    label: String(row.label),
    createdOn: String(row.created_on),
    retiredAt: row.retired_at === null ? null : String(row.retired_at),
  }
}

export function createCampaignStore(db: SqlDriver): CampaignStore {
  return {
    async find(code) {
      const [row] = await db.all(sql('SELECT * FROM campaigns WHERE code = ?', code))
      return row ? toView(row) : null
    },

    async count(code, event, day) {
      const { changes } = await db.run(
        sql(
          `INSERT INTO metrics (campaign, event, day, count)
           SELECT code, ?, ?, 1 FROM campaigns WHERE code = ? AND retired_at IS NULL
           ON CONFLICT (campaign, event, day) DO UPDATE SET count = count + 1`,
          event, day, code,
        ),
      )
      return changes > 0
    },

    async create(code, windowId, campaign, createdOn) {
      await db.run(
        sql(
          'INSERT INTO campaigns (code, window_id, target_path, language, label, created_on) VALUES (?, ?, ?, ?, ?, ?)',
          code, windowId, campaign.targetPath, campaign.language, campaign.label, createdOn,
        ),
      )
      return { code, windowId, ...campaign, createdOn, retiredAt: null }
    },

    async list(windowId) {
      const rows = await db.all(sql('SELECT * FROM campaigns WHERE window_id = ? ORDER BY created_on DESC, code', windowId))
      return rows.map(toView)
    },

    async retire(windowId, code, at) {
      const { changes } = await db.run(sql('UPDATE campaigns SET retired_at = ? WHERE code = ? AND window_id = ? AND retired_at IS NULL', at, code, windowId))
      return changes > 0
    },

    async funnel(windowId, from, to) {
      const rows = await db.all(
        sql(
          `SELECT m.campaign, m.event, m.day, m.count FROM metrics m JOIN campaigns c ON c.code = m.campaign
           WHERE c.window_id = ? AND m.day BETWEEN ? AND ? ORDER BY m.day, m.campaign, m.event`,
          windowId, from, to,
        ),
      )
      return rows.map((r) => ({ campaign: String(r.campaign), event: r.event as FunnelEvent, day: String(r.day), count: Number(r.count) }))
    },
  }
}

/** A fresh short code: 8 characters of an alphabet without look-alikes (no 0/o, 1/l/i), 40 bits. */
export function newCampaignCode(bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  return Array.from(bytes.subarray(0, 8), (b) => alphabet[b % alphabet.length]).join('')
}
