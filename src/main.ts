import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { reloadOnStaleChunks } from './staleChunks'

reloadOnStaleChunks(import.meta.url)

createApp(App).use(createPinia()).use(createAppRouter()).mount('#degooglisation-app')
