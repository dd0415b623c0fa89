/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router/index.ts'
import { reloadOnStaleChunks } from './staleChunks.ts'
import { nextcloudTransport } from './storage/axiosTransport.ts'
import { setBrowserTransport } from './storage/browserClient.ts'

reloadOnStaleChunks(import.meta.url)
setBrowserTransport(nextcloudTransport())

createApp(App).use(createPinia()).use(createAppRouter()).mount('#degooglisation-app')
