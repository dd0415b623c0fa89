<?php

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

\OCP\Util::addScript('degooglisation', 'degooglisation-main');
\OCP\Util::addStyle('degooglisation', 'degooglisation-main');
?>
<div id="degooglisation-app"></div>
