// Tells the server what the user selected, so that an IDE embedding the diagram can follow it (the text
// editor's caret, the Properties view) and act on it (the workbench's Delete). The server answers nothing.
import { Action, GModelRoot, IActionDispatcher, ISelectionListener, TYPES } from '@eclipse-glsp/client';
import { inject, injectable } from 'inversify';

export interface SelectionChangedAction extends Action {
    kind: typeof SelectionChangedAction.KIND;
    selectedIds: string[];
}

export namespace SelectionChangedAction {
    export const KIND = 'vinfraSelectionChanged';

    export function create(selectedIds: string[]): SelectionChangedAction {
        return { kind: KIND, selectedIds };
    }
}

@injectable()
export class SelectionForwarder implements ISelectionListener {
    @inject(TYPES.IActionDispatcher) protected dispatcher!: IActionDispatcher;

    selectionChanged(_root: Readonly<GModelRoot>, selectedElements: string[]): void {
        void this.dispatcher.dispatch(SelectionChangedAction.create([...selectedElements]));
    }
}
