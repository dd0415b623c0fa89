import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { reloadOnStaleChunks } from './staleChunks'
import { nextcloudTransport } from './storage/axiosTransport'
import { setBrowserTransport } from './storage/browserClient'

reloadOnStaleChunks(import.meta.url)
setBrowserTransport(nextcloudTransport())

createApp(App).use(createPinia()).use(createAppRouter()).mount('#degooglisation-app')
