import { test } from './fixtures';
import { PASSWORD, createVault, expectNoPlaintext } from './helpers';

test('first run: create the vault; nothing readable is stored', async ({ driver }) => {
  await createVault(driver);
  await expectNoPlaintext(driver, [PASSWORD]);
});
