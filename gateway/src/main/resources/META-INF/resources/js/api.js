// The page for other departments' developers: static text, only the language switch.
import { setUpLanguage } from './common.js';

setUpLanguage();
document.body.dataset.ready = 'true';
