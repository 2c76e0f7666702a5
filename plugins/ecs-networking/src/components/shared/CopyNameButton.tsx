import { errorApiRef, useApi } from '@backstage/core-plugin-api';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import FileCopyOutlined from '@material-ui/icons/FileCopyOutlined';
import { useState } from 'react';

/** Copies an endpoint name, which is what people paste into their config. */
export function CopyNameButton(props: { text: string }) {
  const { text } = props;
  const errorApi = useApi(errorApiRef);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await window.navigator.clipboard.writeText(text);
      setCopied(true);
    } catch (e) {
      errorApi.post(
        new Error(`Could not copy ${text} to the clipboard: ${String(e)}`),
      );
    }
  };

  return (
    <Tooltip
      title={copied ? 'Copied' : 'Copy name'}
      onClose={() => setCopied(false)}
    >
      <IconButton size="small" aria-label={`Copy ${text}`} onClick={copy}>
        <FileCopyOutlined fontSize="inherit" />
      </IconButton>
    </Tooltip>
  );
}
