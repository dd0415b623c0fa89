import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { nextcloudTransport } from './storage/axiosTransport'
import { setBrowserTransport } from './storage/browserClient'

setBrowserTransport(nextcloudTransport())

createApp(App).use(createPinia()).use(createAppRouter()).mount('#degooglisation-app')
