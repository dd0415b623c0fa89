import { t } from '@nextcloud/l10n'
import type { TaskStatus } from '../domain/model'

/** Each task status as the user reads it, in their language; called from a component's setup, once translations are registered. */
export function taskStatusLabels(): Record<TaskStatus, string> {
	return {
		todo: t('degooglisation', 'To do'),
		in_progress: t('degooglisation', 'In progress'),
		blocked: t('degooglisation', 'Blocked'),
		done: t('degooglisation', 'Done'),
		dropped: t('degooglisation', 'Dropped'),
	}
}
