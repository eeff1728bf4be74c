/** Registers `<parley-evaluation-form>`. */
import { EvaluationForm } from './evaluation-form.js';

EvaluationForm.define('parley-evaluation-form');

declare global {
  interface HTMLElementTagNameMap {
    'parley-evaluation-form': EvaluationForm;
  }
}

export { EvaluationForm };
