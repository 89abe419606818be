import type { inboxEn } from './inbox.en.js';

/** German texts of the helper-inbox guard. */
export const inboxDe: Record<keyof typeof inboxEn, string> = {
  'inbox.auto.label': '🤖 Automatische Antwort von Request Desk im Namen von {helper}',
  'inbox.offer.body':
    'Helfe gern! Damit nichts verloren geht, läuft bei mir alles über Tickets — ich habe aus deiner Nachricht schon eins vorbereitet, das dauert etwa 20 Sekunden: kurz prüfen und auf *Erstellen* drücken.',
  'inbox.offer.outOfHours': 'Ich bin gerade nicht im Dienst — wieder da {when}. Dein Ticket wartet dann schon auf mich.',
  'inbox.offer.focus': 'Ich arbeite gerade konzentriert bis {when} und schaue danach in die Tickets.',
  'inbox.offer.urgentHint': 'Wenn es wirklich nicht warten kann, drück auf *Dringend* — dann sehe ich es sofort.',
  'inbox.button.create': 'Ticket erstellen',
  'inbox.button.urgent': 'Dringend',
  'inbox.button.notRequest': 'Keine Anfrage',
  'inbox.urgent.passedOn': 'Ist sofort an {helper} weitergegeben — du hörst so bald wie möglich von mir.',
  'inbox.urgent.limit':
    'Heute habe ich schon {limit} dringende Anfragen von dir weitergegeben, diese geht deshalb den normalen Weg: Erstell bitte ein Ticket, es wird als Erstes angeschaut.',
  'inbox.urgent.toHelper': ':rotating_light: {requester} hat eine Nachricht an dich als dringend markiert: {link}',
  'inbox.urgent.linkLabel': 'Nachricht öffnen',
  'inbox.filed.text': 'Danke! Das ist jetzt Ticket #{number} — Request Desk hält dich in seiner DM auf dem Laufenden.',
  'inbox.filed.body': ':white_check_mark: Danke! Das ist jetzt Ticket *#{number}* — Request Desk hält dich in seiner DM auf dem Laufenden.',
};
