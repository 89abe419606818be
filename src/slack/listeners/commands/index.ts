import type { App } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { COMMANDS } from '../../ids.js';
import { handleRequestCommand } from './request.js';

/** Registers the slash commands. */
export function register(app: App, deps: Deps): void {
  app.command(COMMANDS.request, handleRequestCommand(deps));
}
