// Importing reports from a CSV or JSON lines file chosen in the browser; a rejected file lists each problem by line and column.
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import { useStatus } from '../../components/Status';
import { ErrorNote } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { importReports } from './api';
import { FileImport } from './FileImport';

const MAX_BYTES = 64 * 1024 * 1024;

interface Problem {
  line?: number;
  column?: number;
  field?: string;
  reason: string;
}

export function RegistryImport({ onImported }: { onImported: () => void }) {
  const { announce } = useStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [problems, setProblems] = useState<Problem[]>([]);

  const submit = async (file: File, mode: 'replace' | 'add') => {
    setError(undefined);
    setProblems([]);
    if (file.size > MAX_BYTES) {
      setError(new Error(t('documents.import.too-large')));
      return;
    }
    setBusy(true);
    try {
      const r = await importReports({ content: await file.text(), fileName: file.name, mode });
      announce(
        r.status === 'unchanged'
          ? t('documents.import.unchanged', { version: r.version })
          : t('documents.import.done', { version: r.version, total: formatNumber(r.total), added: r.changes.added, removed: r.changes.removed }),
      );
      onImported();
    } catch (err) {
      // The server names each problem's line and column beside the field (problem+json invalidParams).
      const params = err instanceof ApiError ? (err.invalidParams as readonly Problem[]) : [];
      if (params.length > 1 || params[0]?.line !== undefined) setProblems([...params]);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FileImport
      title={t('documents.import.title')}
      hint={t('documents.import.hint')}
      accept=".csv,.jsonl,.json,.ndjson,.txt,text/csv"
      choiceLabel={t('documents.import.mode')}
      choices={[
        { value: 'replace', label: t('documents.registry.mode.replace') },
        { value: 'add', label: t('documents.registry.mode.add') },
      ]}
      busy={busy}
      onSubmit={(file, mode) => void submit(file, mode)}
    >
      {error !== undefined && <ErrorNote error={error} />}
      {problems.length > 0 && (
        <ul className="import-problems" aria-label={t('documents.import.problems')}>
          {problems.map((p, i) => (
            <li key={i}>
              {t('documents.import.problem', { line: p.line ?? '?', column: p.column ?? '?', field: p.field ?? '' })} {p.reason}
            </li>
          ))}
        </ul>
      )}
    </FileImport>
  );
}
