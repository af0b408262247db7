/**
 * Imported for its effect by every module that says something from en-app.ts: the English joins the runtime's
 * when the first of them loads. A data module of its own, so the pseudo-language can read en-app.ts without
 * pulling the runtime into its chunk.
 */
import { addEnglish } from './t';
import { appMessages } from './en-app';

addEnglish(appMessages);
