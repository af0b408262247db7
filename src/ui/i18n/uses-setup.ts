/**
 * Imported for its effect by every module that says something from en-setup.ts: the English joins the runtime's
 * when the first of them loads. A data module of its own, so the pseudo-language can read en-setup.ts without
 * pulling the runtime into its chunk.
 */
import { addEnglish } from './t';
import { setupMessages } from './en-setup';

addEnglish(setupMessages);
