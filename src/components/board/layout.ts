/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Heights of the board's rows in pixels: fixed, so that long columns need no measuring. */
export const CARD_HEIGHT = 140
export const GROUP_HEIGHT = 32
