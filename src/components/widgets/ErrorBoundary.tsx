/**
 * Keeps one failing widget from taking the page down.
 *
 * Preact routes an error thrown while rendering a descendant (or inside its effects) to the
 * nearest component with componentDidCatch / getDerivedStateFromError. We show a short
 * message naming the error, keep the widget's static figure-less frame (so the layout does
 * not jump), and log once to the console for developers.
 *
 * Every island is exported wrapped:  export default withErrorBoundary("activation-explorer", Explorer)
 */
import { Component, type ComponentChildren, type ComponentType, h } from "preact";

interface BoundaryProps {
  /** The widget's name, also its data-widget value. */
  readonly widget: string;
  readonly children?: ComponentChildren;
}

interface BoundaryState {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static override getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    // One line for developers; the reader sees the message below.
    console.warn(`[${this.props.widget}] widget stopped:`, error);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div
        class="widget widget--failed"
        data-widget={this.props.widget}
        data-widget-error={error.name}
        role="alert"
      >
        <p>
          <strong>This interactive figure stopped working</strong> ({error.name}
          {error.message ? `: ${error.message}` : ""}). The rest of the page is unaffected; reloading may
          help.
        </p>
      </div>
    );
  }
}

/** Wrap a widget component in an ErrorBoundary, keeping its props type. */
export function withErrorBoundary<P extends object>(
  widget: string,
  Inner: ComponentType<P>,
): ComponentType<P> {
  const Wrapped = (props: P) => <ErrorBoundary widget={widget}>{h(Inner, props)}</ErrorBoundary>;
  Wrapped.displayName = `WithErrorBoundary(${Inner.displayName ?? Inner.name ?? widget})`;
  return Wrapped;
}
