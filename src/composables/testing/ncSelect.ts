/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { VueWrapper } from '@vue/test-utils'

/** NcSelect's props as tests read them (its declared types only list the vnode's). */
export interface SelectProps {
	inputId?: string
	inputLabel?: string
	options: unknown[]
	modelValue: unknown
}

export const selectProps = (select: Pick<VueWrapper, 'props'>) => select.props() as unknown as SelectProps
