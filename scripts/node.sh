# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Sourced by the other scripts: puts Node.js 24 first on PATH. The build tools
# (@nextcloud/vite-config, @nextcloud/files) require it; when the machine has
# another version, the npm registry's `node` package brings it into .tools/.
NODE_MAJOR=24
if ! node --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
	node_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node$NODE_MAJOR"
	if [ ! -x "$node_dir/node_modules/node/bin/node" ]; then
		echo "Installing Node.js $NODE_MAJOR into .tools/ (this machine has $(node --version 2>/dev/null || echo none))" >&2
		npm install --prefix "$node_dir" --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2
	fi
	export PATH="$node_dir/node_modules/node/bin:$PATH"
fi
