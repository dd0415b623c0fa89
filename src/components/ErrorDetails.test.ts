// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The technical detail under a plain message: folded away, opened from the keyboard, shown as written. */

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ErrorDetails from './ErrorDetails.vue'

describe('ErrorDetails', () => {
	it('folds the detail under a "Details" summary, closed at first', () => {
		const wrapper = mount(ErrorDetails, { props: { detail: 'PROPFIND /x: HTTP 503' } })
		const details = wrapper.get('details')
		expect(details.element.open).toBe(false)
		expect(details.get('summary').text()).toBe('Details')
		expect(details.get('pre').text()).toBe('PROPFIND /x: HTTP 503')
	})

	it('keeps the detail as written: line breaks kept, markup shown as text', () => {
		const detail = 'ops[0].value: expected "string"\n<img src=x onerror=alert(1)>'
		const wrapper = mount(ErrorDetails, { props: { detail } })
		expect(wrapper.get('pre').element.textContent).toBe(detail)
		expect(wrapper.find('img').exists()).toBe(false)
	})

	it('is opened by its summary, which the keyboard reaches without a tabindex of its own', async () => {
		const wrapper = mount(ErrorDetails, { props: { detail: 'no answer within 8 s' }, attachTo: document.body })
		const summary = wrapper.get('summary')
		// A native <summary> is focusable and toggles on Enter and Space in browsers; a tabindex would only get in the way.
		expect(summary.attributes('tabindex')).toBeUndefined()
		await summary.trigger('click')
		expect(wrapper.get('details').element.open).toBe(true)
		wrapper.unmount()
	})

	it('takes the class its parent gives it for layout', () => {
		const wrapper = mount(ErrorDetails, { props: { detail: 'x' }, attrs: { class: 'load-failure__details' } })
		expect(wrapper.get('details').classes()).toEqual(['error-details', 'load-failure__details'])
	})
})
