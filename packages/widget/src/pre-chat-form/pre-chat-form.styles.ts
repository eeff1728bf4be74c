/** The styles of the site's forms, shared by the pre-chat and leave-a-message forms. */
export { siteFormStyles as preChatFormStyles } from '../forms/site-form.styles.js';
