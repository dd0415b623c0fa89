/**
 * How assignees are shown: tasks keep user ids, people read names. Names come
 * from Nextcloud's sharee search, asked once per id and page.
 */
import { reactive } from 'vue'
import type { OcsClient, Sharee } from '../storage/ocs'
import { SHARE_TYPE } from '../storage/ocs'

const labels = reactive<Record<string, string>>({})
const asked = new Set<string>()

/** "Bruno Petit (bob)" for a local user, the cloud id itself for a federated one. */
export function shareeLabel(sharee: Sharee): string {
	return sharee.shareType === SHARE_TYPE.federated ? sharee.shareWith : `${sharee.label} (${sharee.shareWith})`
}

export function assigneeLabel(id: string): string {
	return labels[id] ?? id
}

export function rememberLabel(sharee: Sharee): void {
	labels[sharee.shareWith] = shareeLabel(sharee)
	asked.add(sharee.shareWith)
}

/** Looks up the names of local users not known yet; a failed lookup leaves the id shown, and is asked again next time. */
export async function lookUpAssignees(ids: readonly string[], client: Pick<OcsClient, 'searchSharees'>): Promise<void> {
	await Promise.all(ids.filter((id) => !asked.has(id) && !id.includes('@')).map(async (id) => {
		asked.add(id)
		try {
			const found = (await client.searchSharees(id, [SHARE_TYPE.user])).find((sharee) => sharee.shareWith === id)
			if (found) rememberLabel(found)
		} catch {
			asked.delete(id)
		}
	}))
}
