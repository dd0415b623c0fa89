/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The starter roadmap: six phases, sixty tasks, thirty-two categories,
 * thirteen departments and fifteen indicators, in French and English. Built from what communes actually
 * did (Échirolles, Fontaine, Lyon, Boé, Toulouse, Schleswig-Holstein…) and from
 * April's "Pacte pour la Transition" measure 4; sources in docs/starter-roadmap.md.
 * Every task is optional and every duration indicative.
 */

import type { ReportTag } from '../reportTags.ts'

export interface Bilingual {
	fr: string
	en: string
}

/** A product name reads the same in both languages; a description of a thing does not. */
export type ToolName = string | Bilingual

export interface StarterPhase {
	id: string
	title: Bilingual
	description: Bilingual
	/** Indicative duration, used to date the phase. */
	months: number
	/**
	 * Phases follow one another; a phase `alongside` an earlier one starts the same
	 * day as it and runs next to the others without delaying the ones after.
	 */
	alongside?: string
}

export interface StarterTask {
	id: string
	phase: string
	category: string
	title: Bilingual
	description: Bilingual
	/** Proprietary tools or practices the task ends. */
	replaces?: ToolName[]
	/** Free replacements communes chose (or free tools the task relies on). */
	replacements?: ToolName[]
	/** Ids of tasks to finish first. */
	dependsOn?: string[]
	checklist?: Bilingual[]
	/** What the task counts for in the council report: a Pacte level, a label axis (docs/reporting.md). */
	tags?: ReportTag[]
}

export interface StarterCategory {
	id: string
	label: Bilingual
}

export interface StarterIndicator {
	id: string
	name: Bilingual
	unit: Bilingual
	/** A sensible default target, or null when it depends on the commune's size. */
	target: number | null
	/** What the indicator counts for in the council report (docs/reporting.md). */
	tags?: ReportTag[]
}

const b = (fr: string, en: string): Bilingual => ({ fr, en })

/**
 * Structuring, foundations, solutions, communication and federation follow one
 * another over 6 + 12 + 24 + 12 + 18 = 72 months, one term of office; inclusion
 * is continuous, from the foundations to the end of the term.
 */
export const STARTER_PHASES: StarterPhase[] = [
	{
		id: 'structuring',
		title: b('Structuration', 'Structuring'),
		description: b(
			'Décider, organiser, inventorier : obtenir un mandat politique clair, désigner qui porte le projet, recenser l\'existant, fixer les règles de choix et mesurer le point de départ.',
			'Decide, organise, take stock: get a clear political mandate, name who carries the project, list what exists, set the rules for choosing and measure the starting point.',
		),
		months: 6,
	},
	{
		id: 'transformation',
		title: b('Transformation du socle', 'Transforming the foundations'),
		description: b(
			'Préparer le socle avant de changer les outils des agents : hébergement maîtrisé, annuaire, authentification unique, sauvegardes, compétences de l\'équipe informatique et groupe pilote.',
			'Prepare the foundations before changing staff tools: hosting you control, directory, single sign-on, backups, IT team skills and a pilot group.',
		),
		months: 12,
	},
	{
		id: 'solutions',
		title: b('Solutions', 'Solutions'),
		description: b(
			'Remplacer les outils du quotidien, des plus simples (navigateur, bureautique) aux plus structurants (messagerie, cloud, visio). Le poste de travail GNU/Linux vient en dernier.',
			'Replace everyday tools, from the simplest (browser, office suite) to the most structural (mail, cloud, video). The GNU/Linux desktop comes last.',
		),
		months: 24,
	},
	{
		id: 'communication',
		title: b('Communication publique', 'Public communication'),
		description: b(
			'Sortir la relation avec les habitants des plateformes privées : site hébergé par la commune, statistiques sans pistage, réseaux sociaux et vidéo fédérés, cartes ouvertes.',
			'Take the relationship with residents off private platforms: a website the commune hosts, analytics without tracking, federated social media and video, open maps.',
		),
		months: 12,
	},
	{
		id: 'inclusion',
		title: b('Inclusion', 'Inclusion'),
		description: b(
			'Accompagner le changement tout au long du mandat : former les agents, outiller le support, équiper les écoles et les espaces publics numériques, accompagner habitants et associations.',
			'Support the change throughout the term: train staff, equip the helpdesk, bring free software to schools and public computer rooms, help residents and associations.',
		),
		months: 66,
		alongside: 'transformation',
	},
	{
		id: 'federation',
		title: b('Fédération', 'Federation'),
		description: b(
			'Relier ses outils à ceux des communes partenaires, mutualiser, soutenir un hébergeur local, publier et financer des communs, rendre compte publiquement.',
			'Connect your tools to those of partner communes, pool services, back a local host, publish and fund commons, report publicly.',
		),
		months: 18,
	},
]

export const STARTER_CATEGORIES: StarterCategory[] = [
	{ id: 'governance', label: b('Gouvernance', 'Governance') },
	{ id: 'inventory', label: b('Inventaire et audit', 'Inventory and audit') },
	{ id: 'infrastructure', label: b('Infrastructure et hébergement', 'Infrastructure and hosting') },
	{ id: 'identity', label: b('Annuaire, authentification et sécurité', 'Directory, sign-in and security') },
	{ id: 'support', label: b('Support et accompagnement', 'Support') },
	{ id: 'mail', label: b('Messagerie électronique', 'Email') },
	{ id: 'office', label: b('Bureautique', 'Office suite') },
	{ id: 'storage', label: b('Stockage et partage de fichiers', 'File storage and sharing') },
	{ id: 'coediting', label: b('Édition collaborative', 'Co-editing') },
	{ id: 'video', label: b('Visioconférence', 'Video calls') },
	{ id: 'chat', label: b('Messagerie instantanée', 'Chat') },
	{ id: 'scheduling', label: b('Sondages et rendez-vous', 'Polls and scheduling') },
	{ id: 'forms', label: b('Formulaires et enquêtes', 'Forms and surveys') },
	{ id: 'tasks', label: b('Gestion de tâches et projets', 'Task and project management') },
	{ id: 'browser', label: b('Navigateur web', 'Web browser') },
	{ id: 'desktop', label: b('Poste de travail', 'Desktop') },
	{ id: 'schools', label: b('Écoles', 'Schools') },
	{ id: 'communication', label: b('Communication', 'Communication') },
	{ id: 'web', label: b('Site web', 'Website') },
	{ id: 'analytics', label: b('Statistiques web', 'Web analytics') },
	{ id: 'mapping', label: b('Cartographie', 'Maps') },
	{ id: 'social', label: b('Réseaux sociaux', 'Social media') },
	{ id: 'video_hosting', label: b('Hébergement vidéo', 'Video hosting') },
	{ id: 'participation', label: b('Participation citoyenne', 'Citizen participation') },
	{ id: 'training', label: b('Formation', 'Training') },
	{ id: 'inclusion', label: b('Inclusion numérique', 'Digital inclusion') },
	{ id: 'federation', label: b('Fédération et mutualisation', 'Federation and pooling') },
	{ id: 'contribution', label: b('Contribution et communs', 'Contribution and commons') },
	{ id: 'open_data', label: b('Données ouvertes', 'Open data') },
	{ id: 'business_apps', label: b('Logiciels métiers', 'Business applications') },
	{ id: 'file_transfer', label: b('Envoi de gros fichiers', 'Large file transfer') },
	{ id: 'passwords', label: b('Mots de passe', 'Passwords') },
]

/**
 * The departments (services municipaux) most communes have, to tick off one
 * by one as each moves to free tools. A commune renames, adds or removes them.
 */
export const STARTER_DEPARTMENTS: StarterCategory[] = [
	{ id: 'accueil', label: b('Accueil', 'Front desk') },
	{ id: 'etat-civil', label: b('État civil et élections', 'Civil registry and elections') },
	{ id: 'urbanisme', label: b('Urbanisme', 'Town planning') },
	{ id: 'ecoles', label: b('Écoles et périscolaire', 'Schools and after-school care') },
	{ id: 'mediatheques', label: b('Médiathèques', 'Libraries') },
	{ id: 'ccas', label: b('CCAS (action sociale)', 'Social services (CCAS)') },
	{ id: 'finances', label: b('Finances', 'Finance') },
	{ id: 'rh', label: b('Ressources humaines', 'Human resources') },
	{ id: 'services-techniques', label: b('Services techniques', 'Technical services') },
	{ id: 'police-municipale', label: b('Police municipale', 'Municipal police') },
	{ id: 'communication', label: b('Communication', 'Communications') },
	{ id: 'culture-sport', label: b('Culture et sports', 'Culture and sports') },
	{ id: 'informatique', label: b('Informatique (DSI)', 'IT department') },
]

const GNU_LINUX = b('Distribution GNU/Linux', 'GNU/Linux distribution')
const TURNKEY_SITES = b('Sites clés en main propriétaires', 'Proprietary turnkey websites')

export const STARTER_TASKS: StarterTask[] = [
	// Structuration
	{
		id: 'structuring-council-mandate',
		phase: 'structuring',
		category: 'governance',
		tags: ['tnl-strategie'],
		title: b('Faire voter une orientation « priorité au libre »', 'Have the council vote a "free software first" policy'),
		description: b(
			'Inscrire dans une délibération, ou dans le programme du mandat, la priorité aux logiciels libres et aux formats ouverts. Fontaine, Échirolles et Lyon sont toutes parties d\'une décision politique explicite ; c\'est aussi ce qui protège le projet quand le soutien faiblit, comme Munich l\'a montré.',
			'Write the priority to free software and open formats into a council decision or the term\'s programme. Fontaine, Échirolles and Lyon all started from an explicit political decision; it is also what protects the project when support wavers, as Munich showed.',
		),
		checklist: [
			b('Rédiger le projet de délibération', 'Draft the council decision'),
			b('Présenter le projet en commission', 'Present it to the committee'),
			b('Faire voter le conseil municipal', 'Put it to the council vote'),
		],
	},
	{
		id: 'structuring-steering-roles',
		phase: 'structuring',
		category: 'governance',
		tags: ['tnl-strategie'],
		title: b('Désigner un élu référent et un chef de projet', 'Name a lead councillor and a project manager'),
		description: b(
			'Un binôme élu référent / responsable technique porte la démarche (le label Territoire Numérique Libre demande les deux). Obtenir l\'appui explicite de la direction générale des services, avec du temps et un budget identifiés. À Saint-Martin-d\'Hères, deux ou trois élus « parrains » portaient le projet.',
			'A lead councillor and a technical lead carry the project (the Territoire Numérique Libre label asks for both). Get explicit backing from the general management, with identified time and budget. In Saint-Martin-d\'Hères, two or three "sponsor" councillors carried the project.',
		),
	},
	{
		id: 'structuring-digital-directorate',
		phase: 'structuring',
		category: 'governance',
		title: b('Regrouper informatique et inclusion numérique', 'Bring IT and digital inclusion together'),
		description: b(
			'Rattacher le service informatique et les conseillers numériques à une même direction du numérique, comme à Échirolles : la stratégie interne et l\'action auprès des habitants restent cohérentes.',
			'Put the IT department and the digital advisers in one digital directorate, as Échirolles did, so that the internal strategy and the work with residents stay consistent.',
		),
	},
	{
		id: 'structuring-inventory',
		phase: 'structuring',
		category: 'inventory',
		title: b('Cartographier le parc, les logiciels et les licences', 'Map hardware, software and licences'),
		description: b(
			'Recenser postes, serveurs, logiciels, abonnements en ligne et échéances des contrats. Les fins de support et les renouvellements de licences sont les meilleures fenêtres de migration : Boé s\'est lancée au moment de la mise à jour forcée vers Windows 10.',
			'List desktops, servers, software, online subscriptions and contract end dates. End of support and licence renewals are the best windows for migrating: Boé started when Windows 10 was forced on it.',
		),
		replacements: ['GLPI', 'OCS Inventory'],
		checklist: [
			b('Postes et serveurs', 'Desktops and servers'),
			b('Logiciels et abonnements en ligne', 'Software and online subscriptions'),
			b('Contrats et dates d\'échéance', 'Contracts and end dates'),
		],
	},
	{
		id: 'structuring-business-apps-audit',
		phase: 'structuring',
		category: 'business_apps',
		title: b('Vérifier la compatibilité des logiciels métiers', 'Check business applications for compatibility'),
		description: b(
			'Tester chaque logiciel métier (état civil, finances, paie, urbanisme, courrier…) sous GNU/Linux, dans Firefox et avec les formats ouverts, et interroger les éditeurs sur ce qui bloque, comme Grenoble l\'a fait pour l\'ODF. Certains n\'ont pas d\'équivalent libre : à Boé, les derniers postes Windows servent à l\'état civil ; à Échirolles, les finances restent sur un logiciel propriétaire.',
			'Test each business application (civil registry, finance, payroll, planning, mail registry…) on GNU/Linux, in Firefox and with open formats, and ask vendors about blockers, as Grenoble did for ODF. Some have no free equivalent: in Boé the last Windows desktops run civil-registry software; in Échirolles finance stays on proprietary software.',
		),
		dependsOn: ['structuring-inventory'],
		checklist: [
			b('Lister les logiciels métiers et leurs éditeurs', 'List business applications and their vendors'),
			b('Tester sous GNU/Linux et dans Firefox', 'Test on GNU/Linux and in Firefox'),
			b('Tester les modèles de documents en ODF', 'Test document templates in ODF'),
		],
	},
	{
		id: 'structuring-master-plan',
		phase: 'structuring',
		category: 'governance',
		tags: ['tnl-strategie'],
		title: b('Rédiger le schéma directeur « numérique libre »', 'Write the free-software master plan'),
		description: b(
			'Écrire les axes (hébergement et souveraineté, inclusion, sobriété, services aux habitants, données ouvertes), le calendrier sur le mandat, le budget et les indicateurs, puis les faire valider par les élus. Échirolles a adopté « Échirolles numérique libre » en 2020-2021 ; Lyon a fait valider sa démarche en conseil en juillet 2022.',
			'Write down the goals (hosting and sovereignty, inclusion, sobriety, services to residents, open data), the schedule over the term, the budget and the indicators, then have elected officials approve them. Échirolles adopted "Échirolles numérique libre" in 2020-2021; Lyon\'s council approved its plan in July 2022.',
		),
		dependsOn: ['structuring-council-mandate', 'structuring-inventory'],
	},
	{
		id: 'structuring-selection-doctrine',
		phase: 'structuring',
		category: 'governance',
		tags: ['tnl-pratiques'],
		title: b('Fixer une doctrine de choix des solutions', 'Set the rules for choosing solutions'),
		description: b(
			'Une fois les besoins fonctionnels validés, comparer les candidats sur quatre critères : cohérence avec le schéma directeur, analyse technique, retours des autres collectivités et coût (démarche d\'Échirolles). Consulter le SILL (code.gouv.fr/sill) et le Comptoir du Libre de l\'ADULLACT.',
			'Once the functional needs are validated, compare candidates on four criteria: fit with the master plan, technical review, other authorities\' feedback and cost (Échirolles\' method). Look them up in the SILL (code.gouv.fr/sill) and ADULLACT\'s Comptoir du Libre.',
		),
	},
	{
		id: 'structuring-baseline-indicators',
		phase: 'structuring',
		category: 'governance',
		tags: ['tnl-strategie'],
		title: b('Mesurer le point de départ', 'Measure the starting point'),
		description: b(
			'Relever la valeur initiale des indicateurs de cette feuille de route (postes sous système libre, licences Office, documents en ODF, données hébergées, coûts) : sans point de départ, impossible de montrer aux élus le chemin parcouru.',
			'Record the starting value of this roadmap\'s indicators (desktops on a free OS, Office licences, documents in ODF, hosted data, costs): without a starting point you cannot show elected officials how far you have come.',
		),
		dependsOn: ['structuring-inventory'],
	},
	{
		id: 'structuring-join-networks',
		phase: 'structuring',
		category: 'federation',
		tags: ['tnl-ecosysteme'],
		title: b('Rejoindre les réseaux de collectivités', 'Join networks of local authorities'),
		description: b(
			'Adhérer à l\'ADULLACT, rejoindre France Numérique Libre ou un réseau régional comme Alpes Numérique Libre : les collectivités engagées y partagent cahiers des charges, prestataires et retours d\'expérience.',
			'Join ADULLACT, France Numérique Libre or a regional network such as Alpes Numérique Libre, where committed authorities share specifications, providers and lessons learned.',
		),
	},
	{
		id: 'structuring-announce',
		phase: 'structuring',
		category: 'communication',
		title: b('Présenter la démarche aux agents', 'Present the project to staff'),
		description: b(
			'Expliquer aux agents pourquoi (protection des données, sécurité, maîtrise des coûts), comment et à quel rythme, en partant de leurs usages plutôt que de l\'idéologie.',
			'Explain to staff why (data protection, security, cost control), how and at what pace, starting from how they work rather than from ideology.',
		),
		dependsOn: ['structuring-council-mandate'],
	},

	// Transformation du socle
	{
		id: 'transformation-hosting',
		phase: 'transformation',
		category: 'infrastructure',
		title: b('Choisir un hébergement maîtrisé', 'Choose hosting you control'),
		description: b(
			'Héberger données et applications en interne, dans le centre de données d\'un syndicat informatique public (SITPI pour Échirolles, SITIV pour Lyon) ou sur un cloud français ou européen. Échirolles y a ramené presque tout, hors quelques applications métiers en SaaS.',
			'Host data and applications in-house, in a public IT syndicate\'s datacentre (SITPI for Échirolles, SITIV for Lyon) or on a French or EU cloud. Échirolles brought back almost everything, except a few business applications bought as SaaS.',
		),
		replaces: ['Microsoft 365 (cloud)', 'Google Workspace (cloud)'],
		replacements: [
			b('Serveurs de la commune', 'The commune\'s own servers'),
			b('Syndicat informatique public (SITPI, SITIV…)', 'Public IT syndicate (SITPI, SITIV…)'),
			b('Cloud français ou européen', 'French or EU cloud'),
		],
	},
	{
		id: 'transformation-domain',
		phase: 'transformation',
		category: 'mail',
		title: b('Disposer d\'un nom de domaine et d\'adresses institutionnelles', 'Get the commune\'s own domain and addresses'),
		description: b(
			'Environ 21 000 communes écrivent encore depuis des adresses grand public. Un domaine au nom de la commune est le préalable à toute messagerie maîtrisée ; pour les petites communes, l\'ANCT propose la « Suite territoriale » (domaine, messagerie, stockage).',
			'About 21,000 French communes still write from consumer addresses. A domain in the commune\'s name comes before any mail you control; for small communes, the ANCT offers the "Suite territoriale" (domain, mail, storage).',
		),
		replaces: [b('Adresses Gmail, Orange ou Wanadoo', 'Gmail, Orange or Wanadoo addresses')],
		replacements: [b('Nom de domaine de la commune', 'The commune\'s own domain name'), 'Suite territoriale (ANCT)'],
	},
	{
		id: 'transformation-virtualization',
		phase: 'transformation',
		category: 'infrastructure',
		tags: ['pacte-2', 'tnl-logiciels'],
		title: b('Migrer la virtualisation des serveurs', 'Migrate server virtualisation'),
		description: b(
			'Basculer les machines virtuelles vers un hyperviseur libre et profiter du changement pour doubler l\'infrastructure. Échirolles est passée de VMware à Proxmox.',
			'Move the virtual machines to a free hypervisor and use the move to duplicate the infrastructure for redundancy. Échirolles went from VMware to Proxmox.',
		),
		replaces: ['VMware vSphere', 'Microsoft Hyper-V'],
		replacements: ['Proxmox VE', 'KVM'],
		dependsOn: ['transformation-hosting'],
	},
	{
		id: 'transformation-directory',
		phase: 'transformation',
		category: 'identity',
		tags: ['pacte-2', 'tnl-logiciels'],
		title: b('Remplacer l\'annuaire Active Directory', 'Replace Active Directory'),
		description: b(
			'Mettre en place un annuaire libre compatible avec les postes Windows existants, puis avec les postes Linux. Échirolles utilise Samba AD, le Schleswig-Holstein Univention Corporate Server.',
			'Set up a free directory that works with the existing Windows desktops, then with Linux ones. Échirolles uses Samba AD, Schleswig-Holstein Univention Corporate Server.',
		),
		replaces: ['Microsoft Active Directory'],
		replacements: ['Samba AD', 'OpenLDAP', 'Univention Corporate Server'],
	},
	{
		id: 'transformation-sso',
		phase: 'transformation',
		category: 'identity',
		title: b('Mettre en place l\'authentification unique', 'Set up single sign-on'),
		description: b(
			'Un seul identifiant pour tous les nouveaux services (cloud, messagerie, visio) : moins de mots de passe pour les agents, moins d\'appels au support. Échirolles utilise LemonLDAP::NG.',
			'One login for all the new services (cloud, mail, video): fewer passwords for staff, fewer helpdesk calls. Échirolles uses LemonLDAP::NG.',
		),
		replaces: ['Microsoft Entra ID (Azure AD)', b('Connexion avec Google', 'Sign in with Google')],
		replacements: ['LemonLDAP::NG', 'Keycloak'],
		dependsOn: ['transformation-directory'],
	},
	{
		id: 'transformation-passwords',
		phase: 'transformation',
		category: 'passwords',
		title: b('Fournir un gestionnaire de mots de passe', 'Provide a password manager'),
		description: b(
			'Un coffre-fort de mots de passe hébergé par la commune, avec des coffres partagés par équipe. Échirolles a choisi Psono.',
			'A password vault hosted by the commune, with vaults shared per team. Échirolles chose Psono.',
		),
		replaces: ['LastPass', '1Password'],
		replacements: ['KeePass / KeePassXC', 'Psono'],
	},
	{
		id: 'transformation-security-backup',
		phase: 'transformation',
		category: 'infrastructure',
		title: b('Sécuriser et sauvegarder le socle', 'Secure and back up the foundations'),
		description: b(
			'Revoir le pare-feu, la segmentation du réseau et les sauvegardes avant d\'installer les nouveaux services ; une sauvegarde ne compte que si sa restauration a été testée.',
			'Review the firewall, network segmentation and backups before installing the new services; a backup only counts once restoring it has been tested.',
		),
		replacements: ['pfSense', 'Bareos'],
		checklist: [
			b('Pare-feu et segmentation revus', 'Firewall and segmentation reviewed'),
			b('Plan de sauvegarde écrit', 'Written backup plan'),
			b('Restauration testée', 'Restore tested'),
		],
	},
	{
		id: 'transformation-it-skills',
		phase: 'transformation',
		category: 'training',
		title: b('Faire monter en compétences l\'équipe informatique', 'Train the IT team'),
		description: b(
			'Former les techniciens à GNU/Linux et aux solutions retenues, et tenir compte des compétences en logiciel libre dans les recrutements : l\'équipe doit maîtriser ce qu\'elle va déployer et soutenir.',
			'Train technicians in GNU/Linux and the chosen solutions, and weigh free-software skills when hiring: the team must master what it will deploy and support.',
		),
	},
	{
		id: 'transformation-providers',
		phase: 'transformation',
		category: 'support',
		title: b('Identifier prestataires et contrats de support', 'Find providers and support contracts'),
		description: b(
			'Le libre n\'est pas sans support. Repérer pour chaque logiciel retenu les entreprises capables d\'assister la commune (l\'annuaire de prestataires du Comptoir du Libre aide) et mettre plusieurs offres en concurrence, comme l\'exige la commande publique.',
			'Free software still needs support. For each chosen software, find companies able to assist the commune (the Comptoir du Libre lists providers) and compare several offers, as public procurement requires.',
		),
	},
	{
		id: 'transformation-pilot-group',
		phase: 'transformation',
		category: 'governance',
		title: b('Constituer un groupe pilote de volontaires', 'Form a pilot group of volunteers'),
		description: b(
			'Tester chaque changement avec un service ou une dizaine d\'agents volontaires avant de le généraliser. Boé a commencé ainsi avant de passer ses 60 postes, et Fontaine a toujours commencé par les volontaires ; leurs retours convainquent ensuite les collègues.',
			'Try each change with one department or about ten volunteers before rolling it out. Boé started that way before moving its 60 desktops, and Fontaine always began with volunteers; their feedback then convinces colleagues.',
		),
	},
	{
		id: 'transformation-helpdesk',
		phase: 'transformation',
		category: 'support',
		title: b('Outiller le support aux agents', 'Equip the staff helpdesk'),
		description: b(
			'Un outil de tickets et d\'inventaire pour suivre les demandes liées à la migration et repérer ce qui bloque ; le nombre de demandes par mois montre où l\'accompagnement manque.',
			'A ticketing and inventory tool to follow migration-related requests and spot what blocks; the number of requests per month shows where support is lacking.',
		),
		replacements: ['GLPI', 'Zammad'],
	},

	// Solutions
	{
		id: 'solutions-browser',
		phase: 'solutions',
		category: 'browser',
		tags: ['pacte-1'],
		title: b('Installer Firefox comme navigateur par défaut', 'Make Firefox the default browser'),
		description: b(
			'Le changement le plus visible et le moins risqué, qu\'April conseille de faire en premier ; en profiter pour vérifier que les applications web métiers fonctionnent dans Firefox. La Gendarmerie l\'a installé sur tous ses postes dès 2008.',
			'The most visible and least risky change, which April advises doing first; use it to check that web-based business applications work in Firefox. The Gendarmerie had it on every desktop by 2008.',
		),
		replaces: ['Google Chrome', 'Microsoft Edge'],
		replacements: ['Firefox ESR'],
	},
	{
		id: 'solutions-office-suite',
		phase: 'solutions',
		category: 'office',
		tags: ['pacte-1', 'tnl-logiciels'],
		title: b('Déployer LibreOffice sur tous les postes', 'Roll out LibreOffice on every desktop'),
		description: b(
			'Installer LibreOffice à côté de l\'ancienne suite le temps de la cohabitation (6 à 18 mois selon les communes), former, puis retirer les licences. Toulouse a basculé 90 % de ses postes en 18 mois et gardé Microsoft Office sur ceux qui dépendent de macros ; Nantes a équipé 5 000 postes.',
			'Install LibreOffice next to the old suite for a period of coexistence (6 to 18 months depending on the commune), train, then remove the licences. Toulouse moved 90 % of its desktops in 18 months and kept Microsoft Office on those that depend on macros; Nantes equipped 5,000 desktops.',
		),
		replaces: ['Microsoft Office'],
		replacements: ['LibreOffice'],
		checklist: [
			b('Installer LibreOffice à côté d\'Office', 'Install LibreOffice next to Office'),
			b('Former les agents', 'Train staff'),
			b('Convertir les modèles et les macros', 'Convert templates and macros'),
			b('Retirer les licences Office', 'Remove the Office licences'),
		],
	},
	{
		id: 'solutions-odf-default',
		phase: 'solutions',
		category: 'office',
		tags: ['pacte-1', 'tnl-pratiques'],
		title: b('Passer aux formats ouverts par défaut', 'Use open formats by default'),
		description: b(
			'Régler ODF comme format d\'enregistrement par défaut, convertir les modèles de documents, y compris ceux des logiciels métiers, et diffuser en ODF ou en PDF. Le Schleswig-Holstein et la Gendarmerie ont fait d\'ODF leur format standard.',
			'Make ODF the default save format, convert document templates, including those of business applications, and share documents as ODF or PDF. Schleswig-Holstein and the Gendarmerie made ODF their standard format.',
		),
		replaces: [b('DOCX, XLSX et PPTX comme formats par défaut', 'DOCX, XLSX and PPTX as default formats')],
		replacements: ['OpenDocument (ODT, ODS, ODP)', 'PDF'],
		dependsOn: ['solutions-office-suite'],
	},
	{
		id: 'solutions-mail',
		phase: 'solutions',
		category: 'mail',
		tags: ['pacte-1', 'tnl-logiciels'],
		title: b('Migrer la messagerie et les agendas', 'Migrate mail and calendars'),
		description: b(
			'Transférer boîtes, contacts et agendas vers un serveur libre, avec Thunderbird et un webmail pour les agents ; compter environ six mois. Échirolles a choisi SOGo, Aix-les-Bains Zimbra (seules les versions jusqu\'à la 8 sont libres), le Schleswig-Holstein Open-Xchange et Thunderbird pour plus de 40 000 boîtes.',
			'Move mailboxes, contacts and calendars to a free server, with Thunderbird and a webmail for staff; allow about six months. Échirolles chose SOGo, Aix-les-Bains Zimbra (only versions up to 8 are free software), Schleswig-Holstein Open-Xchange and Thunderbird for over 40,000 mailboxes.',
		),
		replaces: ['Microsoft Exchange / Outlook', 'Gmail', b('Google Agenda', 'Google Calendar')],
		replacements: ['SOGo', 'Zimbra', 'BlueMind', 'Open-Xchange', 'Thunderbird'],
		dependsOn: ['transformation-domain', 'transformation-hosting'],
		checklist: [
			b('Migrer d\'abord les boîtes du groupe pilote', 'Move the pilot group\'s mailboxes first'),
			b('Migrer boîtes, contacts et agendas', 'Move mailboxes, contacts and calendars'),
			b('Configurer Thunderbird et le webmail', 'Set up Thunderbird and the webmail'),
			b('Fermer les anciens comptes', 'Close the old accounts'),
		],
	},
	{
		id: 'solutions-cloud-storage',
		phase: 'solutions',
		category: 'storage',
		tags: ['pacte-1', 'tnl-logiciels'],
		title: b('Ouvrir le cloud de la commune', 'Open the commune\'s own cloud'),
		description: b(
			'Remplacer le stockage en ligne, les partages de fichiers et l\'envoi de gros fichiers par un Nextcloud hébergé par la commune ou son syndicat. C\'est le choix d\'Échirolles, de Lyon et du Schleswig-Holstein (à la place de SharePoint).',
			'Replace online storage, file sharing and large file transfers with a Nextcloud run by the commune or its syndicate. Échirolles, Lyon and Schleswig-Holstein (instead of SharePoint) made that choice.',
		),
		replaces: ['Google Drive', 'OneDrive / SharePoint', 'Dropbox', 'WeTransfer'],
		replacements: ['Nextcloud', 'Lufi'],
		dependsOn: ['transformation-hosting'],
	},
	{
		id: 'solutions-coediting',
		phase: 'solutions',
		category: 'coediting',
		tags: ['pacte-1'],
		title: b('Activer l\'édition collaborative en ligne', 'Enable online co-editing'),
		description: b(
			'Brancher un moteur de coédition sur le cloud pour écrire à plusieurs dans le même document. Échirolles a retenu Collabora Online, Lyon OnlyOffice ; Etherpad suffit pour des notes de réunion.',
			'Connect a co-editing engine to the cloud so several people can write the same document. Échirolles chose Collabora Online, Lyon OnlyOffice; Etherpad is enough for meeting notes.',
		),
		replaces: ['Google Docs', b('Microsoft 365 en ligne', 'Microsoft 365 online')],
		replacements: ['Collabora Online', 'OnlyOffice', 'Etherpad'],
		dependsOn: ['solutions-cloud-storage'],
	},
	{
		id: 'solutions-video',
		phase: 'solutions',
		category: 'video',
		tags: ['pacte-1'],
		title: b('Fournir une visioconférence libre', 'Provide free video calls'),
		description: b(
			'Une visio pour les réunions internes et avec les partenaires, et des salles de réunion équipées. BigBlueButton à Échirolles, Jitsi à Lyon, OpenTalk au Schleswig-Holstein ; Nextcloud Talk pour les petites réunions.',
			'Video calls for internal meetings and with partners, and equipped meeting rooms. BigBlueButton in Échirolles, Jitsi in Lyon, OpenTalk in Schleswig-Holstein; Nextcloud Talk for small meetings.',
		),
		replaces: ['Microsoft Teams', 'Zoom', 'Google Meet'],
		replacements: ['BigBlueButton', 'Jitsi Meet', 'OpenTalk', 'Nextcloud Talk'],
	},
	{
		id: 'solutions-chat',
		phase: 'solutions',
		category: 'chat',
		tags: ['pacte-1'],
		title: b('Remplacer les messageries instantanées grand public', 'Replace consumer chat apps'),
		description: b(
			'Offrir aux équipes, y compris de terrain, une messagerie professionnelle. Tchap, la messagerie de l\'État sur le protocole Matrix, est ouverte aux collectivités par convention depuis 2020 mais difficile à obtenir pour une commune seule ; sinon, un serveur Matrix mutualisé (Lyon), Rocket.Chat ou Mattermost.',
			'Give teams, field staff included, a professional chat. Tchap, the State\'s Matrix-based messenger, has been open to local authorities by agreement since 2020 but is hard for a lone commune to get; otherwise a shared Matrix server (Lyon), Rocket.Chat or Mattermost.',
		),
		replaces: ['WhatsApp', 'Slack', b('Chat de Microsoft Teams', 'Microsoft Teams chat')],
		replacements: ['Element / Matrix', 'Tchap', 'Rocket.Chat', 'Mattermost'],
	},
	{
		id: 'solutions-scheduling-forms',
		phase: 'solutions',
		category: 'forms',
		tags: ['pacte-1'],
		title: b('Remplacer sondages et formulaires en ligne', 'Replace online polls and forms'),
		description: b(
			'Des outils libres pour fixer une date de réunion et créer enquêtes et inscriptions, hébergés par la commune ou par un CHATON. Les communes d\'Alpes Numérique Libre se servent du Framadate de Gières ; pour les démarches des habitants, il y a Démarches simplifiées.',
			'Free tools to pick a meeting date and build surveys and sign-up forms, hosted by the commune or a CHATONS member. The Alpes Numérique Libre communes use Gières\' Framadate; for residents\' procedures there is Démarches simplifiées.',
		),
		replaces: ['Doodle', 'Google Forms', 'Microsoft Forms'],
		replacements: ['Framadate', 'Nextcloud Polls', 'Nextcloud Forms', 'LimeSurvey', 'Framaforms', 'Démarches simplifiées'],
	},
	{
		id: 'solutions-tasks',
		phase: 'solutions',
		category: 'tasks',
		tags: ['pacte-1'],
		title: b('Suivre les projets dans un outil libre', 'Track projects in a free tool'),
		description: b(
			'Remplacer les tableaux de tâches en ligne par un kanban intégré au cloud de la commune, ou un outil de gestion de projet libre pour les gros chantiers.',
			'Replace online task boards with a kanban built into the commune\'s cloud, or a free project-management tool for large projects.',
		),
		replaces: ['Trello', 'Microsoft Planner', 'Asana'],
		replacements: ['Nextcloud Deck', 'Kanboard', 'Wekan', 'OpenProject'],
	},
	{
		id: 'solutions-desktop-pilot',
		phase: 'solutions',
		category: 'desktop',
		tags: ['pacte-2'],
		title: b('Piloter le poste de travail GNU/Linux', 'Pilot the GNU/Linux desktop'),
		description: b(
			'Une fois les applications migrées, équiper d\'abord des volontaires et vérifier impression, partages réseau et logiciels métiers. Le poste Linux doit être au moins aussi simple que l\'ancien (Fontaine) : « Linux est l\'aboutissement, pas la première étape » (Échirolles).',
			'Once the applications have moved, equip volunteers first and check printing, network shares and business applications. The Linux desktop must be at least as easy as the old one (Fontaine): "Linux is the final step, not the first" (Échirolles).',
		),
		replaces: ['Windows 10 / 11'],
		replacements: ['Zorin OS', 'Ubuntu', 'elementary OS'],
		dependsOn: ['solutions-office-suite', 'solutions-browser', 'structuring-business-apps-audit', 'transformation-pilot-group'],
		checklist: [
			b('Impression', 'Printing'),
			b('Partages réseau', 'Network shares'),
			b('Logiciels métiers', 'Business applications'),
			b('Retours des volontaires', 'Volunteers\' feedback'),
		],
	},
	{
		id: 'solutions-desktop-rollout',
		phase: 'solutions',
		category: 'desktop',
		tags: ['pacte-2', 'tnl-logiciels'],
		title: b('Généraliser le poste GNU/Linux', 'Roll out the GNU/Linux desktop'),
		description: b(
			'Étendre la bascule service par service en gardant quelques postes Windows pour les logiciels métiers sans alternative. Boé a 95 % de ses postes sous Ubuntu, passés par deux informaticiens, et a divisé sa maintenance par quatre ; Échirolles remplace Windows par Zorin OS depuis 2024.',
			'Extend the switch department by department, keeping a few Windows desktops for business applications with no alternative. Boé has 95 % of its desktops on Ubuntu, moved by two IT staff, and cut maintenance by four; Échirolles has been replacing Windows with Zorin OS since 2024.',
		),
		replaces: ['Windows 10 / 11'],
		replacements: ['Zorin OS', 'Ubuntu'],
		dependsOn: ['solutions-desktop-pilot'],
	},

	// Communication publique
	{
		id: 'communication-website',
		phase: 'communication',
		category: 'web',
		tags: ['tnl-logiciels'],
		title: b('Héberger le site de la commune sur un CMS libre', 'Host the commune\'s website on a free CMS'),
		description: b(
			'Réinternaliser le site sur un gestionnaire de contenu libre, maintenu et sauvegardé par la commune, comme l\'a fait Échirolles.',
			'Bring the website back in-house on a free content management system that the commune maintains and backs up, as Échirolles did.',
		),
		replaces: [TURNKEY_SITES],
		replacements: ['WordPress', 'SPIP', 'Drupal', 'TYPO3'],
	},
	{
		id: 'communication-analytics',
		phase: 'communication',
		category: 'analytics',
		tags: ['tnl-pratiques'],
		title: b('Mesurer l\'audience sans pistage publicitaire', 'Measure audience without ad tracking'),
		description: b(
			'Remplacer le traceur du site par une mesure d\'audience hébergée par la commune : les données des visiteurs restent chez elle.',
			'Replace the website\'s tracker with audience measurement hosted by the commune: visitors\' data stays with it.',
		),
		replaces: ['Google Analytics'],
		replacements: ['Matomo'],
		dependsOn: ['communication-website'],
	},
	{
		id: 'communication-social',
		phase: 'communication',
		category: 'social',
		title: b('Ouvrir un compte Mastodon officiel', 'Open an official Mastodon account'),
		description: b(
			'Publier sur une instance Mastodon, de préférence mutualisée entre collectivités comme colter.social (syndicat SITPI), d\'abord en parallèle des réseaux commerciaux puis à leur place. Échirolles y publie ; Lyon a quitté X pour plusieurs de ses comptes début 2025.',
			'Post on a Mastodon instance, preferably one shared between authorities such as colter.social (SITPI syndicate), first alongside commercial networks and then instead of them. Échirolles posts there; Lyon left X with several of its accounts in early 2025.',
		),
		replaces: ['Facebook', 'X (Twitter)', 'Instagram'],
		replacements: ['Mastodon'],
	},
	{
		id: 'communication-video',
		phase: 'communication',
		category: 'video_hosting',
		title: b('Publier les vidéos sur PeerTube', 'Publish videos on PeerTube'),
		description: b(
			'Héberger les vidéos municipales sur une instance PeerTube de la commune ou partagée, sans publicité ni pistage.',
			'Host municipal videos on the commune\'s own or a shared PeerTube instance, without ads or tracking.',
		),
		replaces: ['YouTube'],
		replacements: ['PeerTube'],
	},
	{
		id: 'communication-council-streaming',
		phase: 'communication',
		category: 'video_hosting',
		title: b('Diffuser le conseil municipal avec des outils libres', 'Stream council meetings with free tools'),
		description: b(
			'Filmer et retransmettre les séances en direct avec OBS Studio vers PeerTube : Échirolles diffuse son conseil uniquement avec des logiciels libres.',
			'Film and stream meetings live with OBS Studio to PeerTube: Échirolles streams its council with free software only.',
		),
		replaces: ['YouTube Live', 'Facebook Live'],
		replacements: ['OBS Studio', 'PeerTube'],
		dependsOn: ['communication-video'],
	},
	{
		id: 'communication-maps',
		phase: 'communication',
		category: 'mapping',
		tags: ['tnl-donnees'],
		title: b('Utiliser OpenStreetMap pour les cartes publiques', 'Use OpenStreetMap for public maps'),
		description: b(
			'Remplacer les cartes et plans d\'accès du site par des fonds OpenStreetMap (April le cite parmi les premiers pas), uMap pour les cartes thématiques et QGIS pour le SIG interne.',
			'Replace the website\'s maps and directions with OpenStreetMap (one of April\'s suggested first steps), uMap for themed maps and QGIS for in-house GIS.',
		),
		replaces: ['Google Maps', 'Google My Maps', 'ArcGIS'],
		replacements: ['OpenStreetMap', 'uMap', 'QGIS'],
	},
	{
		id: 'communication-mailing-lists',
		phase: 'communication',
		category: 'communication',
		title: b('Gérer listes de diffusion et lettres d\'information', 'Run mailing lists and newsletters'),
		description: b(
			'Héberger les listes de diffusion (élus, associations, habitants) et les lettres d\'information sur un serveur de listes libre, sans confier les adresses à un tiers.',
			'Host mailing lists (councillors, associations, residents) and newsletters on a free list server, without handing addresses to a third party.',
		),
		replaces: ['Google Groups', 'Mailchimp'],
		replacements: ['Sympa'],
	},
	{
		id: 'communication-participation',
		phase: 'communication',
		category: 'participation',
		title: b('Outiller la participation citoyenne', 'Equip citizen participation'),
		description: b(
			'Mener consultations et budgets participatifs sur une plateforme libre.',
			'Run consultations and participatory budgets on a free platform.',
		),
		replaces: [b('Plateformes de consultation propriétaires', 'Proprietary consultation platforms')],
		replacements: ['Decidim', 'Loomio'],
	},

	// Inclusion
	{
		id: 'inclusion-training-plan',
		phase: 'inclusion',
		category: 'training',
		tags: ['pacte-2', 'tnl-pratiques'],
		title: b('Former les agents aux nouveaux outils', 'Train staff on the new tools'),
		description: b(
			'Des sessions courtes par outil et par service, centrées sur les usages (« rédiger un document structuré ») plutôt que sur les marques. Toutes les communes citent la formation comme la clé ; Échirolles a tenu 39 sessions sur le mandat.',
			'Short sessions per tool and per department, about tasks ("write a structured document") rather than brands. Every commune names training as the key; Échirolles held 39 sessions over the term.',
		),
		checklist: [
			b('Calendrier des sessions', 'Session calendar'),
			b('Supports de formation', 'Training material'),
			b('Bilan des sessions', 'Session review'),
		],
	},
	{
		id: 'inclusion-ambassadors',
		phase: 'inclusion',
		category: 'support',
		title: b('Nommer des référents dans chaque service', 'Name a go-to person in each department'),
		description: b(
			'Former en premier un agent volontaire par service, qui aide ses collègues et fait remonter les problèmes.',
			'Train one volunteer per department first; they help colleagues and report problems.',
		),
	},
	{
		id: 'inclusion-documentation',
		phase: 'inclusion',
		category: 'support',
		title: b('Publier guides pratiques et FAQ', 'Publish how-to guides and an FAQ'),
		description: b(
			'Rassembler fiches pratiques, correspondances « avant / après » et questions fréquentes dans un espace partagé.',
			'Gather how-to sheets, "before / after" equivalents and frequent questions in a shared space.',
		),
		replacements: [b('Dossier partagé Nextcloud', 'Shared Nextcloud folder'), 'XWiki', 'MediaWiki'],
	},
	{
		id: 'inclusion-schools',
		phase: 'inclusion',
		category: 'schools',
		tags: ['pacte-2'],
		title: b('Équiper les écoles avec des logiciels libres', 'Equip schools with free software'),
		description: b(
			'Installer d\'abord dans les écoles les mêmes applications libres que dans les services, puis, avec les équipes enseignantes, une distribution adaptée comme PrimTux. Grenoble a engagé la bascule de ses écoles sous Linux en 2016 ; Échirolles l\'a reportée.',
			'First install the same free applications in schools as in the departments, then, with the teachers, a distribution designed for schools such as PrimTux. Grenoble began moving its schools to Linux in 2016; Échirolles postponed it.',
		),
		replaces: ['Windows', 'Microsoft Office'],
		replacements: ['LibreOffice', 'Firefox', 'PrimTux'],
		dependsOn: ['solutions-office-suite'],
	},
	{
		id: 'inclusion-public-spaces',
		phase: 'inclusion',
		category: 'inclusion',
		tags: ['pacte-2'],
		title: b('Passer les espaces publics numériques sous Linux', 'Move public computer rooms to Linux'),
		description: b(
			'Équiper médiathèques et espaces publics numériques de postes sous distribution libre, et y donner les initiations d\'abord avec des logiciels libres (mesure 4 du Pacte pour la Transition).',
			'Equip libraries and public computer rooms with free-distribution desktops, and teach introductory classes with free software first (measure 4 of the Pacte pour la Transition).',
		),
		replaces: ['Windows'],
		replacements: [GNU_LINUX, 'Porteus Kiosk'],
	},
	{
		id: 'inclusion-digital-advisors',
		phase: 'inclusion',
		category: 'inclusion',
		title: b('Déployer la médiation numérique auprès des habitants', 'Offer digital mediation to residents'),
		description: b(
			'Des conseillers numériques dans les lieux de proximité, de l\'équipement et de la connexion jusqu\'à l\'aide aux démarches en ligne. Échirolles en a recruté quatre en 2021, avec un financement de l\'ANCT, dans ses maisons des habitants.',
			'Digital advisers in neighbourhood venues, from equipment and connectivity to help with online procedures. Échirolles hired four in 2021, funded by the ANCT, in its neighbourhood centres.',
		),
	},
	{
		id: 'inclusion-refurbished-pcs',
		phase: 'inclusion',
		category: 'inclusion',
		tags: ['tnl-pratiques'],
		title: b('Donner une seconde vie aux PC de la mairie', 'Give the town hall\'s PCs a second life'),
		description: b(
			'Confier les ordinateurs réformés à une association qui les reconditionne sous Linux et les remet aux foyers qui en ont besoin, comme Échirolles avec PC solidaire.',
			'Give retired computers to an association that refurbishes them with Linux and hands them to households in need, as Échirolles does with PC solidaire.',
		),
		replacements: [GNU_LINUX],
		dependsOn: ['solutions-desktop-pilot'],
	},
	{
		id: 'inclusion-associations',
		phase: 'inclusion',
		category: 'inclusion',
		title: b('Accompagner les associations locales', 'Support local associations'),
		description: b(
			'Héberger les sites des associations sur un CMS libre et leur proposer des ateliers pour qu\'elles les gèrent seules : Échirolles offre un site et six ateliers.',
			'Host associations\' websites on a free CMS and offer workshops so they can run them on their own: Échirolles offers a site and six workshops.',
		),
		replaces: [TURNKEY_SITES],
		replacements: ['WordPress'],
		dependsOn: ['communication-website'],
	},
	{
		id: 'inclusion-events',
		phase: 'inclusion',
		category: 'communication',
		tags: ['tnl-ecosysteme'],
		title: b('Organiser des événements grand public', 'Hold public events'),
		description: b(
			'Participer au Libre en Fête, organiser install-parties et ateliers avec les associations locales du libre, dans les médiathèques et les espaces publics numériques.',
			'Take part in Libre en Fête, hold install parties and workshops with local free-software associations, in libraries and public computer rooms.',
		),
	},

	// Fédération
	{
		id: 'federation-nextcloud-partners',
		phase: 'federation',
		category: 'federation',
		title: b('Relier le cloud aux communes partenaires', 'Connect the cloud to partner communes'),
		description: b(
			'Activer le partage fédéré de Nextcloud pour échanger dossiers, annuaires et tableaux de projet avec les autres collectivités sans créer de comptes croisés ; cette feuille de route peut elle-même être partagée ainsi.',
			'Turn on Nextcloud federated sharing to exchange folders, directories and project boards with other authorities without cross accounts; this roadmap itself can be shared that way.',
		),
		replaces: [b('Partages SharePoint ou Google Drive entre organisations', 'SharePoint or Google Drive sharing between organisations')],
		replacements: [b('Partage fédéré Nextcloud', 'Nextcloud federated sharing')],
		dependsOn: ['solutions-cloud-storage'],
	},
	{
		id: 'federation-shared-instances',
		phase: 'federation',
		category: 'federation',
		tags: ['pacte-3', 'tnl-strategie'],
		title: b('Mutualiser des instances entre collectivités', 'Share instances between authorities'),
		description: b(
			'Proposer avec l\'intercommunalité ou un syndicat des services communs aux petites communes (Mastodon, PeerTube, cloud), fédérés avec ceux des plus grandes ; colter.social, l\'instance Mastodon du SITPI, en est un exemple.',
			'With the intercommunal body or a syndicate, offer shared services to small communes (Mastodon, PeerTube, cloud), federated with those of larger communes; colter.social, the SITPI\'s Mastodon instance, is an example.',
		),
		replacements: ['Mastodon', 'PeerTube', 'Nextcloud'],
	},
	{
		id: 'federation-chatons',
		phase: 'federation',
		category: 'federation',
		tags: ['pacte-3', 'tnl-ecosysteme'],
		title: b('Soutenir un hébergeur local de type CHATONS', 'Back a local CHATONS-style host'),
		description: b(
			'Aider une structure locale à offrir aux habitants et aux associations des services libres (pads, sondages, cloud) sur le modèle des CHATONS, le collectif d\'hébergeurs éthiques né en 2016 : c\'est le niveau 3 de la mesure 4 du Pacte pour la Transition.',
			'Help a local organisation offer residents and associations free services (pads, polls, cloud) on the model of CHATONS, the collective of ethical hosts founded in 2016: level 3 of measure 4 of the Pacte pour la Transition.',
		),
	},
	{
		id: 'federation-publish-code',
		phase: 'federation',
		category: 'contribution',
		tags: ['pacte-3', 'tnl-ecosysteme'],
		title: b('Publier sous licence libre les développements de la commune', 'Publish the commune\'s own code under a free licence'),
		description: b(
			'Publier sur une forge publique, sous licence libre, le code et les configurations développés par ou pour la commune, et les référencer sur code.gouv.fr.',
			'Publish the code and configuration developed by or for the commune on a public forge under a free licence, and list them on code.gouv.fr.',
		),
	},
	{
		id: 'federation-fund-commons',
		phase: 'federation',
		category: 'contribution',
		tags: ['pacte-3', 'tnl-ecosysteme'],
		title: b('Financer et contribuer aux communs', 'Fund and contribute to the commons'),
		description: b(
			'Cofinancer avec d\'autres collectivités des évolutions de logiciels libres (par exemple avec l\'ADULLACT ou les projets openMairie) et autoriser les agents à contribuer sur leur temps de travail.',
			'Co-fund free-software improvements with other authorities (for example through ADULLACT or the openMairie projects) and let staff contribute during work time.',
		),
	},
	{
		id: 'federation-declare-usage',
		phase: 'federation',
		category: 'contribution',
		tags: ['tnl-ecosysteme'],
		title: b('Déclarer les usages dans le SILL et le Comptoir du Libre', 'Declare usage in the SILL and the Comptoir du Libre'),
		description: b(
			'Se déclarer utilisateur ou référent des logiciels déployés dans le SILL et sur le Comptoir du Libre, comme le fait Échirolles : c\'est ce qui aide les autres collectivités à choisir.',
			'Declare yourself a user or referent of the deployed software in the SILL and the Comptoir du Libre, as Échirolles does: it is what helps other authorities choose.',
		),
	},
	{
		id: 'federation-tnl-label',
		phase: 'federation',
		category: 'governance',
		tags: ['tnl-label'],
		title: b('Candidater au label Territoire Numérique Libre', 'Apply for the Territoire Numérique Libre label'),
		description: b(
			'Le label annuel et gratuit de l\'ADULLACT (un badge de dix questions, puis les niveaux Bronze, Argent et Or) sert d\'évaluation d\'année en année et de support de compte rendu aux élus. Échirolles a obtenu le niveau Or en 2025.',
			'ADULLACT\'s free yearly label (a ten-question badge, then Bronze, Silver and Gold levels) works as a year-on-year assessment and as material for reporting to elected officials. Échirolles reached Gold in 2025.',
		),
		dependsOn: ['structuring-baseline-indicators', 'structuring-steering-roles'],
		checklist: [
			b('Désigner le référent élu et le référent technique', 'Name the councillor and technical referents'),
			b('Remplir le questionnaire', 'Fill in the questionnaire'),
			b('Présenter le résultat aux élus', 'Present the result to elected officials'),
		],
	},
	{
		id: 'federation-open-data',
		phase: 'federation',
		category: 'open_data',
		tags: ['tnl-donnees'],
		title: b('Ouvrir les données publiques', 'Open public data'),
		description: b(
			'Publier les jeux de données de la commune en formats ouverts, sur data.gouv.fr ou un portail mutualisé.',
			'Publish the commune\'s datasets in open formats, on data.gouv.fr or a shared portal.',
		),
	},
	{
		id: 'federation-share-feedback',
		phase: 'federation',
		category: 'communication',
		tags: ['tnl-ecosysteme'],
		title: b('Partager le retour d\'expérience', 'Share what you learned'),
		description: b(
			'Documenter la démarche, les choix et les chiffres, et les présenter aux réseaux de collectivités (France Numérique Libre, ADULLACT) et aux habitants ; Échirolles a publié un bilan par domaine en fin de mandat.',
			'Document the approach, the choices and the figures, and present them to networks of authorities (France Numérique Libre, ADULLACT) and to residents; Échirolles published a review by domain at the end of its term.',
		),
	},
	{
		id: 'federation-report-council',
		phase: 'federation',
		category: 'governance',
		tags: ['tnl-strategie'],
		title: b('Rendre compte chaque année au conseil municipal', 'Report to the council every year'),
		description: b(
			'Présenter chaque année au conseil les indicateurs, les économies et les difficultés, par exemple avec un bilan par domaine ou le résultat du label : c\'est ce qui protège le projet d\'un changement de majorité.',
			'Present the indicators, savings and difficulties to the council every year, for instance as a review by domain or with the label result: this is what protects the project from a change of majority.',
		),
		dependsOn: ['structuring-baseline-indicators'],
	},
]

export const STARTER_INDICATORS: StarterIndicator[] = [
	{ id: 'desktop-linux-share', name: b('Part des postes sous système libre', 'Share of desktops on a free OS'), unit: b('%', '%'), target: 90, tags: ['pacte-2'] },
	{ id: 'office-licences-remaining', name: b('Licences Microsoft Office restantes', 'Microsoft Office licences left'), unit: b('licences', 'licences'), target: null },
	{ id: 'odf-share', name: b('Part des documents produits en format ouvert (ODF)', 'Share of documents produced in open formats (ODF)'), unit: b('%', '%'), target: 90, tags: ['pacte-1'] },
	{ id: 'mailboxes-migrated', name: b('Boîtes aux lettres migrées', 'Mailboxes migrated'), unit: b('boîtes', 'mailboxes'), target: null },
	{ id: 'services-migrated', name: b('Services migrés', 'Services migrated'), unit: b('services', 'services'), target: null },
	{ id: 'business-apps-compatible', name: b('Logiciels métiers compatibles Linux et ODF', 'Business applications compatible with Linux and ODF'), unit: b('logiciels', 'applications'), target: null },
	{ id: 'agents-trained', name: b('Agents formés', 'Staff trained'), unit: b('agents', 'people'), target: null },
	{ id: 'training-sessions', name: b('Sessions de formation', 'Training sessions'), unit: b('sessions', 'sessions'), target: 40 },
	{ id: 'licence-costs-avoided', name: b('Dépenses de licences évitées', 'Licence spending avoided'), unit: b('€ par an', '€ per year'), target: null },
	{ id: 'sovereign-hosting-share', name: b('Part des données hébergées en interne ou sur une infrastructure souveraine', 'Share of data hosted in-house or on sovereign infrastructure'), unit: b('%', '%'), target: 90 },
	{ id: 'hardware-lifetime', name: b('Durée de vie moyenne des postes', 'Average desktop lifetime'), unit: b('années', 'years'), target: 8 },
	{ id: 'migration-tickets', name: b('Demandes de support liées à la migration', 'Migration support requests'), unit: b('par mois', 'per month'), target: null },
	{ id: 'residents-supported', name: b('Habitants accompagnés par la médiation numérique', 'Residents helped by digital mediation'), unit: b('personnes', 'people'), target: null },
	{ id: 'pcs-refurbished', name: b('Ordinateurs reconditionnés remis aux habitants', 'Refurbished PCs given to residents'), unit: b('ordinateurs', 'PCs'), target: null },
	{ id: 'tnl-level', name: b('Niveau du label Territoire Numérique Libre', 'Territoire Numérique Libre label level'), unit: b('niveau (0 aucun, 1 badge, 2 bronze, 3 argent, 4 or)', 'level (0 none, 1 badge, 2 bronze, 3 silver, 4 gold)'), target: 4, tags: ['tnl-label'] },
]
