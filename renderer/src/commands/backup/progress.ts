/** How far a backup or restore has come (shown with a cancel button): its phase and items done of total. */
export interface BackupProgress {
  phase: 'writing' | 'verifying' | 'saving' | 'restoring';
  done: number;
  total: number;
}
