import { useEffect } from 'preact/hooks';
import { applyUpdate } from '../../platform/sw-bridge';
import { noFormOpen, onFormChange } from '../components/form-state';
import { showToast } from '../components/toast';
import { UpdateBanner } from './UpdateBanner';
import { t } from '../i18n/t';

let applyWhenFormCloses = false;

/**
 * "Update available · Reload". Pressing Reload with a form open never discards it: the update waits until the form
 * is saved or cancelled, then applies (the person has already agreed to it).
 */
export function Updates() {
  useEffect(
    () =>
      onFormChange(() => {
        if (noFormOpen() && applyWhenFormCloses) {
          applyWhenFormCloses = false;
          applyUpdate();
        }
      }),
    [],
  );
  return (
    <UpdateBanner
      confirmApply={() => {
        if (noFormOpen()) return true;
        applyWhenFormCloses = true;
        void showToast(t('update.afterForm'));
        return false;
      }}
    />
  );
}
