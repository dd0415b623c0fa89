<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Change\AssignmentState;
use OCA\Degooglisation\Change\DueTasks;
use PHPUnit\Framework\TestCase;

final class DueTasksTest extends TestCase {
	public function testOverdueAndDueWithinThreeDaysOfOpenTasksOnly(): void {
		$tasks = [
			['id' => 'late', 'status' => 'in_progress', 'due' => '2027-02-27'],
			['id' => 'today', 'status' => 'todo', 'due' => '2027-02-28'],
			['id' => 'in-three-days', 'status' => 'blocked', 'due' => '2027-03-03'],
			['id' => 'in-four-days', 'status' => 'todo', 'due' => '2027-03-04'],
			['id' => 'no-date', 'status' => 'todo', 'due' => null],
			['id' => 'done-late', 'status' => 'done', 'due' => '2027-01-01'],
			['id' => 'dropped-soon', 'status' => 'dropped', 'due' => '2027-03-01'],
		];
		$due = (new DueTasks())->classify($tasks, '2027-02-28');
		$this->assertSame([['overdue', 'late'], ['due_soon', 'today'], ['due_soon', 'in-three-days']],
			array_map(static fn (array $d): array => [$d['kind'], $d['task']['id']], $due));
	}

	public function testNewAndGoneAssignmentsKeepThoseOfAnUnreadRoadmap(): void {
		$known = ['r1/a' => 'r1', 'r1/b' => 'r1', 'r2/c' => 'r2'];
		$current = ['r1/a' => 'r1', 'r1/d' => 'r1'];
		$result = (new AssignmentState())->compare($known, $current, ['r2']);
		$this->assertSame(['r1/d'], $result['new']);
		$this->assertSame(['r1/b'], $result['gone']);
		$this->assertSame(['r1/a' => 'r1', 'r1/d' => 'r1', 'r2/c' => 'r2'], $result['known']);
	}

	public function testNumericTaskKeysStayText(): void {
		$result = (new AssignmentState())->compare([], ['123' => 'r'], []);
		$this->assertSame(['123'], $result['new']);
	}
}
