/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Nextcloud's behaviours under concurrency that the storage must survive,
 * reproduced on demand (measured on Nextcloud 32: see docs/sandbox.md).
 */
export interface HazardConfig {
	/** Delay between the precondition check (If-Match / If-None-Match) and the write, as in Sabre + Nextcloud. */
	preconditionGapMs: number
	/** Probability that a GET answers 200 with a truncated body (seen through federated mounts). */
	tornReadRate: number
	/** Probability that a PUT or DELETE answers 423 Locked (a write in flight elsewhere). */
	lockedRate: number
	/** Probability that a PUT or DELETE answers 500 (a partner's server whose owner answered 423). */
	serverErrorRate: number
	/** Probability that a request other than PROPFIND answers 503. */
	unavailableRate: number
	/** Seed of the pseudo-random draws, for repeatable runs. */
	seed?: number
	/** Only paths containing this string are affected. */
	pathFilter?: string
}

export const DEFAULT_HAZARDS: HazardConfig = { preconditionGapMs: 5, tornReadRate: 0, lockedRate: 0, serverErrorRate: 0, unavailableRate: 0 }

export class HazardDice {
	private state: number
	private seededWith: number | undefined

	constructor(private readonly config: HazardConfig) {
		this.state = config.seed ?? 1
		this.seededWith = config.seed
	}

	/** mulberry32: small, fast and good enough for fault injection. */
	private next(): number {
		if (this.config.seed !== this.seededWith) {
			this.state = this.config.seed ?? 1
			this.seededWith = this.config.seed
		}
		this.state = (this.state + 0x6d2b79f5) >>> 0
		let t = this.state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}

	applies(path: string): boolean {
		return !this.config.pathFilter || path.includes(this.config.pathFilter)
	}

	roll(rate: number): boolean {
		return rate > 0 && this.next() < rate
	}

	/** A status a write should fail with, or null. */
	writeFailure(path: string): number | null {
		if (!this.applies(path)) {
			return null
		}
		if (this.roll(this.config.lockedRate)) {
			return 423
		}
		if (this.roll(this.config.serverErrorRate)) {
			return 500
		}
		if (this.roll(this.config.unavailableRate)) {
			return 503
		}
		return null
	}
}
