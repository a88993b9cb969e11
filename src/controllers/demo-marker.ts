import { html, nothing, type TemplateResult } from 'lit';
import { kitMessages } from '../i18n/messages/kit.js';
import type { Locale } from '../i18n/locale.js';
import type * as DemoMarkerView from './demo-marker-view.js';

type View = typeof DemoMarkerView;

/**
 * The marker's rules, template and warning come with the demo backend (`defaultApi()` fetches
 * them), so a page on a real adapter never downloads them, and the marker is drawn once they are
 * there. Its words stay here: the catalogue is then defined up front and its locale fetched before
 * an element's first paint, so the marker's first paint is in the element's language.
 */
let view: View | undefined;
let loading: Promise<View> | undefined;

/** Fetches the marker's view; once, however often it is asked. */
export function loadDemoMarker(): Promise<View> {
  return (loading ??= import('./demo-marker-view.js').then((module) => (view = module)));
}

/** The visible "demo data" badge, its title saying why, once its view has come with the demo backend; nothing before. */
export function demoMarker(locale: Locale): TemplateResult | typeof nothing {
  return view ? view.demoMarker(html, kitMessages(locale)) : nothing;
}
