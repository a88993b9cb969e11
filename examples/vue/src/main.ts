import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import { createApp } from 'vue';
import 'partner-kit/partner-kit-provider.js';
import 'partner-kit/withdraw-dialog.js';
import 'partner-kit/themes/element-plus.js';
import App from './App.vue';

createApp(App).use(ElementPlus).mount('#app');
