import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskBar, useDialogOpen } from '../features/tasks/TaskBar.tsx';

/** What a dialog is given (see Dialog.tsx, which loads this frame the first time one opens). */
export interface DialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  description?: string;
  children: ReactNode;
  wide?: boolean | 'extra';
}

/** An accessible modal dialog (focus trap, Escape, labelled) from Radix primitives. */
export function DialogFrame(props: DialogProps) {
  const { t } = useTranslation();
  useDialogOpen(props.open);
  return (
    <RadixDialog.Root open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className={`dialog${props.wide === 'extra' ? ' dialog--wide dialog--extra-wide' : props.wide ? ' dialog--wide' : ''}`}>
          <header className="dialog__header">
            <RadixDialog.Title className="dialog__title">{props.title}</RadixDialog.Title>
            <RadixDialog.Close className="icon-button" aria-label={t('common.close')}>
              ×
            </RadixDialog.Close>
          </header>
          {props.description ? <RadixDialog.Description className="dialog__description">{props.description}</RadixDialog.Description> : <RadixDialog.Description className="visually-hidden">{props.title}</RadixDialog.Description>}
          {props.children}
          <TaskBar inDialog />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
