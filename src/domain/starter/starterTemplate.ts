/**
 * The starter roadmap: six phases, sixty tasks and fifteen indicators, in
 * French and English. Built from what communes actually did (Échirolles,
 * Fontaine, Lyon, Boé, Toulouse, Schleswig-Holstein…) and from April's
 * "Pacte pour la Transition" measure 4; sources in docs/starter-roadmap.md.
 * Every task is optional and every duration indicative.
 */

export interface Bilingual {
	fr: string
	en: string
}

export interface StarterPhase {
	id: string
	title: Bilingual
	description: Bilingual
	/** Indicative duration, used to date the phases from the start date. */
	months: number
	/** Months after the previous phase's start at which this one starts (phases overlap: inclusion runs all along). */
	startsAfterMonths: number
}

export interface StarterTask {
	id: string
	phase: string
	category: string
	title: Bilingual
	description: Bilingual
	replaces: string[]
	replacements: string[]
	dependsOn?: string[]
	checklist?: Bilingual[]
}

export interface StarterIndicator {
	id: string
	name: Bilingual
	unit: Bilingual
	target: number | null
}

const b = (fr: string, en: string): Bilingual => ({ fr, en })

export const STARTER_PHASES: StarterPhase[] = [
	{ id: 'structuring', title: b('Structuration', 'Structuring'), description: b('Obtenir un mandat politique clair, désigner les porteurs, inventorier l\'existant et fixer les règles de choix.', 'Get a clear political mandate, name who carries the project, take stock of what exists and set the rules for choosing.'), months: 6, startsAfterMonths: 0 },
	{ id: 'transformation', title: b('Transformation du socle', 'Transforming the foundations'), description: b('Héberger ses données, maîtriser l\'annuaire et l\'authentification, faire monter l\'équipe en compétences.', 'Host your own data, control the directory and sign-in, build up the IT team\'s skills.'), months: 12, startsAfterMonths: 4 },
	{ id: 'solutions', title: b('Solutions', 'Solutions'), description: b('Navigateur, bureautique, messagerie, cloud, visioconférence, puis le poste de travail : le système d\'exploitation vient en dernier.', 'Browser, office suite, mail, cloud, video, then the desktop: the operating system comes last.'), months: 30, startsAfterMonths: 8 },
	{ id: 'communication', title: b('Communication publique', 'Public communication'), description: b('Site web, réseaux sociaux, vidéos et cartes de la commune sur des outils libres et sans pistage.', 'The commune\'s website, social media, videos and maps on free tools without tracking.'), months: 12, startsAfterMonths: 12 },
	{ id: 'inclusion', title: b('Inclusion', 'Inclusion'), description: b('Former les agents, équiper les écoles, accompagner les habitants et les associations, tout au long du mandat.', 'Train staff, equip schools, support residents and associations, throughout the term of office.'), months: 48, startsAfterMonths: 6 },
	{ id: 'federation', title: b('Fédération', 'Federation'), description: b('Partager avec les communes partenaires, mutualiser, contribuer aux communs et rendre compte.', 'Share with partner communes, pool resources, contribute to the commons and report.'), months: 18, startsAfterMonths: 18 },
]

export const STARTER_CATEGORIES: Array<{ id: string, label: Bilingual }> = [
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
	{ id: 'forms', label: b('Sondages et formulaires', 'Polls and forms') },
	{ id: 'tasks', label: b('Gestion de projets', 'Project management') },
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
]

function task(id: string, phase: string, category: string, title: Bilingual, description: Bilingual, replaces: string[] = [], replacements: string[] = [], extra: Pick<StarterTask, 'dependsOn' | 'checklist'> = {}): StarterTask {
	return { id, phase, category, title, description, replaces, replacements, ...extra }
}

export const STARTER_TASKS: StarterTask[] = [
	// Structuration
	task('structuring-council-mandate', 'structuring', 'governance', b('Faire voter une orientation « priorité au libre »', 'Have the council vote a "free software first" policy'), b('Une délibération ou une feuille de route municipale donne la priorité aux logiciels libres et aux formats ouverts : c\'est le point de départ dont toutes les communes engagées parlent.', 'A council decision or municipal roadmap gives priority to free software and open formats: every committed commune names this as the starting point.'), [], [], { checklist: [b('Rédiger le projet de délibération', 'Draft the council decision'), b('Présenter en commission', 'Present it to the committee'), b('Vote en conseil municipal', 'Council vote')] }),
	task('structuring-steering-roles', 'structuring', 'governance', b('Désigner un élu référent et un chef de projet', 'Name a lead councillor and a project manager'), b('Un binôme élu / responsable technique porte le projet, avec l\'appui explicite de la direction générale et des moyens identifiés.', 'A councillor and a technical lead carry the project, with explicit backing from senior management and identified resources.')),
	task('structuring-digital-directorate', 'structuring', 'governance', b('Regrouper informatique et inclusion numérique', 'Bring IT and digital inclusion together'), b('Une même direction pour le système d\'information et la médiation numérique, comme à Échirolles, évite de penser les agents et les habitants séparément.', 'One directorate for IT and digital mediation, as in Échirolles, keeps staff and residents in the same plan.')),
	task('structuring-inventory', 'structuring', 'inventory', b('Cartographier le parc, les logiciels et les licences', 'Map hardware, software and licences'), b('Recenser postes, serveurs, logiciels, contrats et dates de fin de licence : c\'est la base de toutes les décisions et de la mesure du progrès.', 'List desktops, servers, software, contracts and licence end dates: the basis of every decision and of measuring progress.'), [], ['GLPI', 'OCS Inventory']),
	task('structuring-business-apps-audit', 'structuring', 'business_apps', b('Vérifier la compatibilité des logiciels métiers', 'Check business applications for compatibility'), b('État civil, finances, urbanisme : noter pour chaque logiciel métier s\'il fonctionne sous Linux, dans un navigateur et avec les formats ouverts. Certains n\'ont pas d\'équivalent libre et resteront.', 'Civil registry, finance, planning: record for each business application whether it runs on Linux, in a browser and with open formats. Some have no free equivalent and will stay.'), [], [], { dependsOn: ['structuring-inventory'] }),
	task('structuring-master-plan', 'structuring', 'governance', b('Rédiger le schéma directeur « numérique libre »', 'Write the free-software master plan'), b('Axes, calendrier, budget et indicateurs sur la durée du mandat, votés par le conseil (Échirolles, Lyon).', 'Goals, schedule, budget and indicators over the term of office, voted by the council (Échirolles, Lyon).'), [], [], { dependsOn: ['structuring-council-mandate', 'structuring-inventory'] }),
	task('structuring-selection-doctrine', 'structuring', 'governance', b('Fixer une doctrine de choix des solutions', 'Set the rules for choosing solutions'), b('Critères : adéquation au schéma directeur, analyse technique, retours d\'autres communes, coût. S\'appuyer sur le SILL et le Comptoir du Libre.', 'Criteria: fit with the master plan, technical review, other communes\' feedback, cost. Lean on the SILL and the Comptoir du Libre.'), [], ['SILL (code.gouv.fr)', 'Comptoir du Libre (ADULLACT)']),
	task('structuring-baseline-indicators', 'structuring', 'governance', b('Mesurer le point de départ', 'Measure the starting point'), b('Relever les indicateurs de départ (postes, licences, formats, hébergement) pour pouvoir montrer le chemin parcouru aux élus.', 'Record the starting indicators (desktops, licences, formats, hosting) to show elected officials how far you have come.'), [], [], { dependsOn: ['structuring-inventory'] }),
	task('structuring-join-networks', 'structuring', 'federation', b('Rejoindre les réseaux de collectivités', 'Join networks of local authorities'), b('Échanger avec les communes déjà engagées évite de refaire leurs erreurs.', 'Talking with communes already on the way avoids repeating their mistakes.'), [], ['ADULLACT', 'France Numérique Libre', 'Alpes Numérique Libre']),
	task('structuring-announce', 'structuring', 'communication', b('Présenter la démarche aux agents', 'Present the project to staff'), b('Expliquer pourquoi, comment et à quel rythme : partir des usages, pas de l\'idéologie.', 'Explain why, how and at what pace: start from how people work, not from ideology.'), [], [], { dependsOn: ['structuring-council-mandate'] }),

	// Transformation du socle
	task('transformation-hosting', 'transformation', 'infrastructure', b('Choisir un hébergement maîtrisé', 'Choose hosting you control'), b('En interne, chez un syndicat informatique mutualisé ou un hébergeur souverain, plutôt que chez un géant du cloud.', 'In-house, with a shared public IT syndicate or a sovereign host, rather than with a cloud giant.'), ['Microsoft 365 (cloud)', 'Google Workspace (cloud)'], ['Serveurs internes', 'Syndicat informatique mutualisé (SITPI, SITIV…)']),
	task('transformation-domain', 'transformation', 'mail', b('Disposer d\'un nom de domaine et d\'adresses institutionnelles', 'Get the commune\'s own domain and addresses'), b('Des milliers de communes écrivent encore depuis des adresses grand public : un domaine à soi est le préalable à toute messagerie maîtrisée.', 'Thousands of communes still write from consumer addresses: a domain of your own comes before any mail you control.'), ['Adresses Gmail, Orange ou Wanadoo'], ['Nom de domaine de la commune', 'Suite territoriale (ANCT)']),
	task('transformation-virtualization', 'transformation', 'infrastructure', b('Migrer la virtualisation des serveurs', 'Migrate server virtualisation'), b('Remplacer l\'hyperviseur propriétaire, comme Échirolles l\'a fait avec Proxmox.', 'Replace the proprietary hypervisor, as Échirolles did with Proxmox.'), ['VMware vSphere'], ['Proxmox VE', 'KVM'], { dependsOn: ['transformation-hosting'] }),
	task('transformation-directory', 'transformation', 'identity', b('Remplacer l\'annuaire Active Directory', 'Replace Active Directory'), b('Un annuaire libre compatible, pour les comptes des agents et des postes.', 'A compatible free directory for staff accounts and machines.'), ['Microsoft Active Directory'], ['Samba AD', 'OpenLDAP', 'Univention Corporate Server']),
	task('transformation-sso', 'transformation', 'identity', b('Mettre en place l\'authentification unique', 'Set up single sign-on'), b('Un seul identifiant pour tous les services libres de la commune.', 'One login for all the commune\'s free services.'), ['Microsoft Entra ID', 'Connexion Google'], ['LemonLDAP::NG', 'Keycloak'], { dependsOn: ['transformation-directory'] }),
	task('transformation-passwords', 'transformation', 'identity', b('Fournir un gestionnaire de mots de passe', 'Provide a password manager'), b('Un coffre-fort de mots de passe partagé par service, hébergé par la commune.', 'A shared password vault per department, hosted by the commune.'), ['LastPass', '1Password'], ['KeePassXC', 'Psono']),
	task('transformation-security-backup', 'transformation', 'infrastructure', b('Sécuriser et sauvegarder le socle', 'Secure and back up the foundations'), b('Pare-feu et sauvegardes testées avant de migrer les services.', 'Firewall and tested backups before migrating services.'), [], ['pfSense', 'Bareos'], { checklist: [b('Plan de sauvegarde écrit', 'Written backup plan'), b('Restauration testée', 'Restore tested')] }),
	task('transformation-it-skills', 'transformation', 'training', b('Faire monter en compétences l\'équipe informatique', 'Train the IT team'), b('Formations Linux et administration des services libres pour l\'équipe technique.', 'Linux and free-service administration training for the technical team.')),
	task('transformation-providers', 'transformation', 'support', b('Identifier prestataires et contrats de support', 'Find providers and support contracts'), b('Le libre n\'est pas sans support : prévoir des prestataires et des contrats.', 'Free software still needs support: plan providers and contracts.'), [], ['Comptoir du Libre (prestataires)', 'Marché de support interministériel']),
	task('transformation-pilot-group', 'transformation', 'governance', b('Constituer un groupe pilote de volontaires', 'Form a pilot group of volunteers'), b('Boé a commencé avec une dizaine d\'agents volontaires avant de passer 60 postes.', 'Boé started with about ten volunteers before moving 60 desktops.')),
	task('transformation-helpdesk', 'transformation', 'support', b('Outiller le support aux agents', 'Equip the staff helpdesk'), b('Un outil de tickets pour suivre les demandes liées à la migration.', 'A ticketing tool to follow migration-related requests.'), [], ['GLPI', 'Zammad']),

	// Solutions
	task('solutions-browser', 'solutions', 'browser', b('Installer Firefox comme navigateur par défaut', 'Make Firefox the default browser'), b('Le premier pas, le plus simple : April le recommande avant tout le reste.', 'The first and easiest step: April recommends it before anything else.'), ['Google Chrome', 'Microsoft Edge'], ['Firefox ESR']),
	task('solutions-office-suite', 'solutions', 'office', b('Déployer LibreOffice sur tous les postes', 'Roll out LibreOffice on every desktop'), b('Toulouse l\'a fait en 18 mois, Nantes sur 5 000 postes ; prévoir une période de cohabitation et les quelques postes à macros.', 'Toulouse did it in 18 months, Nantes on 5,000 desktops; plan a period of coexistence and the few macro-dependent desktops.'), ['Microsoft Office'], ['LibreOffice'], { checklist: [b('Installer LibreOffice à côté d\'Office', 'Install LibreOffice next to Office'), b('Former les agents', 'Train staff'), b('Retirer les licences Office', 'Remove Office licences')] }),
	task('solutions-odf-default', 'solutions', 'office', b('Passer aux formats ouverts par défaut', 'Use open formats by default'), b('Enregistrer en ODF et échanger en PDF ; vérifier les modèles de courrier des logiciels métiers.', 'Save in ODF and exchange PDFs; check the business applications\' letter templates.'), ['Formats DOCX, XLSX, PPTX par défaut'], ['OpenDocument (ODT, ODS, ODP)', 'PDF'], { dependsOn: ['solutions-office-suite'] }),
	task('solutions-mail', 'solutions', 'mail', b('Migrer la messagerie et les agendas', 'Migrate mail and calendars'), b('Compter environ six mois ; le Schleswig-Holstein a migré plus de 40 000 boîtes.', 'Allow about six months; Schleswig-Holstein moved over 40,000 mailboxes.'), ['Microsoft Exchange / Outlook', 'Gmail'], ['SOGo', 'Zimbra', 'BlueMind', 'Open-Xchange', 'Thunderbird'], { dependsOn: ['transformation-domain'] }),
	task('solutions-cloud-storage', 'solutions', 'storage', b('Ouvrir le cloud de la commune', 'Open the commune\'s own cloud'), b('Fichiers, partages et gros envois sur un Nextcloud hébergé par la commune ou son syndicat.', 'Files, shares and large transfers on a Nextcloud run by the commune or its syndicate.'), ['Google Drive', 'OneDrive / SharePoint', 'Dropbox', 'WeTransfer'], ['Nextcloud', 'Lufi'], { dependsOn: ['transformation-hosting'] }),
	task('solutions-coediting', 'solutions', 'coediting', b('Activer l\'édition collaborative en ligne', 'Enable online co-editing'), b('Échirolles a retenu Collabora, Lyon OnlyOffice.', 'Échirolles chose Collabora, Lyon OnlyOffice.'), ['Google Docs', 'Microsoft 365 en ligne'], ['Collabora Online', 'OnlyOffice', 'Etherpad'], { dependsOn: ['solutions-cloud-storage'] }),
	task('solutions-video', 'solutions', 'video', b('Fournir une visioconférence libre', 'Provide free video calls'), b('BigBlueButton à Échirolles, Jitsi à Lyon, Nextcloud Talk pour les petites réunions.', 'BigBlueButton in Échirolles, Jitsi in Lyon, Nextcloud Talk for small meetings.'), ['Microsoft Teams', 'Zoom', 'Google Meet'], ['BigBlueButton', 'Jitsi Meet', 'Nextcloud Talk']),
	task('solutions-chat', 'solutions', 'chat', b('Remplacer les messageries instantanées grand public', 'Replace consumer chat apps'), b('Tchap est ouvert aux collectivités par convention ; sinon un serveur Matrix mutualisé.', 'Tchap is open to local authorities by agreement; otherwise a shared Matrix server.'), ['WhatsApp', 'Slack', 'Microsoft Teams (chat)'], ['Element / Matrix', 'Tchap', 'Rocket.Chat', 'Mattermost']),
	task('solutions-scheduling-forms', 'solutions', 'forms', b('Remplacer sondages et formulaires en ligne', 'Replace online polls and forms'), b('Pour les réunions, les inscriptions et les enquêtes, sans données confiées à un tiers.', 'For meetings, sign-ups and surveys, without handing data to a third party.'), ['Doodle', 'Google Forms', 'Microsoft Forms'], ['Framadate', 'Nextcloud Polls', 'Nextcloud Forms', 'LimeSurvey']),
	task('solutions-tasks', 'solutions', 'tasks', b('Suivre les projets dans un outil libre', 'Track projects in a free tool'), b('Tableaux de tâches des services dans le cloud de la commune.', 'Departments\' task boards in the commune\'s cloud.'), ['Trello', 'Microsoft Planner'], ['Nextcloud Deck', 'Kanboard', 'Wekan']),
	task('solutions-desktop-pilot', 'solutions', 'desktop', b('Piloter le poste de travail GNU/Linux', 'Pilot the GNU/Linux desktop'), b('Avec le groupe pilote, une fois les applications migrées : « Linux est l\'aboutissement, pas la première étape ».', 'With the pilot group, once the applications have moved: "Linux is the last step, not the first".'), ['Windows 10 / 11'], ['Zorin OS', 'Ubuntu', 'elementary OS'], { dependsOn: ['solutions-office-suite', 'solutions-browser', 'structuring-business-apps-audit', 'transformation-pilot-group'] }),
	task('solutions-desktop-rollout', 'solutions', 'desktop', b('Généraliser le poste GNU/Linux', 'Roll out the GNU/Linux desktop'), b('Boé a atteint 95 % des postes ; les postes liés à un logiciel métier sans équivalent restent à part.', 'Boé reached 95 % of desktops; desktops tied to a business application with no equivalent stay apart.'), ['Windows 10 / 11'], ['Zorin OS', 'Ubuntu'], { dependsOn: ['solutions-desktop-pilot'] }),

	// Communication publique
	task('communication-website', 'communication', 'web', b('Héberger le site de la commune sur un CMS libre', 'Host the commune\'s website on a free CMS'), b('Échirolles a réinternalisé son site.', 'Échirolles brought its website back in-house.'), ['Sites clés en main propriétaires'], ['WordPress', 'SPIP', 'Drupal']),
	task('communication-analytics', 'communication', 'analytics', b('Mesurer l\'audience sans pistage publicitaire', 'Measure audience without ad tracking'), b('Des statistiques hébergées par la commune, respectueuses du RGPD.', 'Statistics hosted by the commune, GDPR-friendly.'), ['Google Analytics'], ['Matomo'], { dependsOn: ['communication-website'] }),
	task('communication-social', 'communication', 'social', b('Ouvrir un compte Mastodon officiel', 'Open an official Mastodon account'), b('Publier aussi sur le Fédivers, comme Échirolles ; Lyon a quitté X en 2025.', 'Publish on the Fediverse too, as Échirolles does; Lyon left X in 2025.'), ['Facebook', 'X (Twitter)'], ['Mastodon']),
	task('communication-video', 'communication', 'video_hosting', b('Publier les vidéos sur PeerTube', 'Publish videos on PeerTube'), b('Une chaîne vidéo sans publicité ni pistage.', 'A video channel without ads or tracking.'), ['YouTube'], ['PeerTube']),
	task('communication-council-streaming', 'communication', 'video_hosting', b('Diffuser le conseil municipal avec des outils libres', 'Stream council meetings with free tools'), b('Échirolles diffuse ses conseils uniquement avec des logiciels libres.', 'Échirolles streams its council meetings with free software only.'), ['YouTube Live', 'Facebook Live'], ['OBS Studio', 'PeerTube'], { dependsOn: ['communication-video'] }),
	task('communication-maps', 'communication', 'mapping', b('Utiliser OpenStreetMap pour les cartes publiques', 'Use OpenStreetMap for public maps'), b('Cartes du site et des services sur des données libres.', 'Maps on the website and in services, on open data.'), ['Google Maps', 'Google My Maps'], ['OpenStreetMap', 'uMap', 'QGIS']),
	task('communication-mailing-lists', 'communication', 'communication', b('Gérer listes de diffusion et lettres d\'information', 'Run mailing lists and newsletters'), b('Des listes hébergées par la commune, sans revente des adresses.', 'Lists hosted by the commune, with no resale of addresses.'), ['Google Groups', 'Mailchimp'], ['Sympa']),
	task('communication-participation', 'communication', 'participation', b('Outiller la participation citoyenne', 'Equip citizen participation'), b('Budgets participatifs et consultations sur une plateforme libre.', 'Participatory budgets and consultations on a free platform.'), ['Plateformes de consultation propriétaires'], ['Decidim']),

	// Inclusion
	task('inclusion-training-plan', 'inclusion', 'training', b('Former les agents aux nouveaux outils', 'Train staff on the new tools'), b('La formation est la clé citée par toutes les communes ; Échirolles a tenu 39 sessions.', 'Every commune names training as the key; Échirolles held 39 sessions.'), [], [], { checklist: [b('Calendrier des sessions', 'Session calendar'), b('Supports de formation', 'Training material'), b('Bilan des sessions', 'Session review')] }),
	task('inclusion-ambassadors', 'inclusion', 'support', b('Nommer des référents dans chaque service', 'Name a go-to person in each department'), b('Un agent formé par service répond aux questions de ses collègues.', 'One trained person per department answers colleagues\' questions.')),
	task('inclusion-documentation', 'inclusion', 'support', b('Publier guides pratiques et FAQ', 'Publish how-to guides and an FAQ'), b('Des fiches courtes pour les gestes du quotidien.', 'Short sheets for everyday tasks.'), [], ['Nextcloud (dossier partagé)', 'XWiki', 'MediaWiki']),
	task('inclusion-schools', 'inclusion', 'schools', b('Équiper les écoles avec des logiciels libres', 'Equip schools with free software'), b('Les mêmes applications pour les écoles ; PrimTux pour les plus jeunes.', 'The same applications for schools; PrimTux for the youngest.'), ['Windows', 'Microsoft Office'], ['LibreOffice', 'Firefox', 'PrimTux']),
	task('inclusion-public-spaces', 'inclusion', 'inclusion', b('Passer les espaces publics numériques sous Linux', 'Move public computer rooms to Linux'), b('Les espaces publics numériques montrent aux habitants ce que la commune utilise.', 'Public computer rooms show residents what the commune uses.'), ['Windows'], ['Distribution GNU/Linux', 'Porteus Kiosk']),
	task('inclusion-digital-advisors', 'inclusion', 'inclusion', b('Déployer la médiation numérique auprès des habitants', 'Offer digital mediation to residents'), b('Conseillers numériques dans les maisons de quartier, du matériel aux démarches en ligne.', 'Digital advisers in neighbourhood centres, from hardware to online procedures.')),
	task('inclusion-refurbished-pcs', 'inclusion', 'inclusion', b('Donner une seconde vie aux PC de la mairie', 'Give the town hall\'s PCs a second life'), b('Reconditionnés sous Linux avec une association, puis remis aux habitants.', 'Refurbished with Linux by an association, then given to residents.'), [], ['Distribution GNU/Linux (Zorin OS…)'], { dependsOn: ['solutions-desktop-pilot'] }),
	task('inclusion-associations', 'inclusion', 'inclusion', b('Accompagner les associations locales', 'Support local associations'), b('Un site hébergé et quelques ateliers, comme à Échirolles.', 'A hosted website and a few workshops, as in Échirolles.'), ['Sites clés en main propriétaires'], ['WordPress']),
	task('inclusion-events', 'inclusion', 'communication', b('Organiser des événements grand public', 'Hold public events'), b('Install parties, ateliers et rencontres pour faire connaître le libre.', 'Install parties, workshops and meet-ups to make free software known.')),

	// Fédération
	task('federation-nextcloud-partners', 'federation', 'federation', b('Relier le cloud aux communes partenaires', 'Connect the cloud to partner communes'), b('Partages fédérés de dossiers entre les Nextcloud des communes, y compris cette feuille de route.', 'Federated folder shares between communes\' Nextclouds, this roadmap included.'), ['Partages SharePoint / Google Drive entre organisations'], ['Nextcloud (partage fédéré)'], { dependsOn: ['solutions-cloud-storage'] }),
	task('federation-shared-instances', 'federation', 'federation', b('Mutualiser des instances entre collectivités', 'Share instances between authorities'), b('Instances communes pour les petites communes, comme colter.social porté par le SITPI.', 'Shared instances for small communes, like colter.social run by the SITPI.'), [], ['Mastodon', 'PeerTube', 'Nextcloud']),
	task('federation-chatons', 'federation', 'federation', b('Soutenir un hébergeur local de type CHATONS', 'Back a local CHATONS-style host'), b('April propose de soutenir un hébergeur associatif local.', 'April suggests backing a local non-profit host.'), [], ['Membre du collectif CHATONS']),
	task('federation-publish-code', 'federation', 'contribution', b('Publier sous licence libre les développements de la commune', 'Publish the commune\'s own code under a free licence'), b('Ce que la commune fait développer est publié pour les autres.', 'What the commune has developed is published for others.'), [], ['Forge publique', 'code.gouv.fr']),
	task('federation-fund-commons', 'federation', 'contribution', b('Financer et contribuer aux communs', 'Fund and contribute to the commons'), b('Cofinancer des logiciels et permettre aux agents de contribuer sur leur temps de travail.', 'Co-fund software and let staff contribute during work time.'), [], ['ADULLACT', 'openMairie']),
	task('federation-declare-usage', 'federation', 'contribution', b('Déclarer les usages dans le SILL et le Comptoir du Libre', 'Declare usage in the SILL and the Comptoir du Libre'), b('Se déclarer utilisateur ou référent aide les autres collectivités à choisir.', 'Declaring yourself a user or referent helps other authorities choose.'), [], ['SILL (code.gouv.fr)', 'Comptoir du Libre']),
	task('federation-tnl-label', 'federation', 'governance', b('Candidater au label Territoire Numérique Libre', 'Apply for the Territoire Numérique Libre label'), b('Le label annuel d\'ADULLACT sert aussi à suivre les progrès d\'année en année.', 'ADULLACT\'s yearly label also tracks progress from year to year.'), [], ['Label Territoire Numérique Libre'], { dependsOn: ['structuring-baseline-indicators'] }),
	task('federation-open-data', 'federation', 'open_data', b('Ouvrir les données publiques', 'Open public data'), b('Publier les jeux de données de la commune sous licence ouverte.', 'Publish the commune\'s datasets under an open licence.'), [], ['data.gouv.fr']),
	task('federation-share-feedback', 'federation', 'communication', b('Partager le retour d\'expérience', 'Share what you learned'), b('Bilans par domaine en fin de mandat, présentés aux élus et aux autres communes.', 'Reviews by domain at the end of the term, for elected officials and other communes.'), [], ['France Numérique Libre', 'ADULLACT']),
	task('federation-report-council', 'federation', 'governance', b('Rendre compte chaque année au conseil municipal', 'Report to the council every year'), b('Présenter les indicateurs, les économies et les difficultés ; c\'est ce qui protège le projet d\'un changement de majorité.', 'Present indicators, savings and difficulties; this is what protects the project from a change of majority.'), [], [], { dependsOn: ['structuring-baseline-indicators'] }),
]

export const STARTER_INDICATORS: StarterIndicator[] = [
	{ id: 'desktop-linux-share', name: b('Part des postes sous système libre', 'Desktops on a free OS'), unit: b('%', '%'), target: 90 },
	{ id: 'office-licences-remaining', name: b('Licences Microsoft Office restantes', 'Microsoft Office licences left'), unit: b('licences', 'licences'), target: 0 },
	{ id: 'odf-share', name: b('Documents produits en format ouvert', 'Documents produced in open formats'), unit: b('%', '%'), target: 90 },
	{ id: 'mailboxes-migrated', name: b('Boîtes aux lettres migrées', 'Mailboxes migrated'), unit: b('boîtes', 'mailboxes'), target: null },
	{ id: 'services-migrated', name: b('Services migrés', 'Services migrated'), unit: b('services', 'services'), target: null },
	{ id: 'business-apps-compatible', name: b('Logiciels métiers compatibles Linux / ODF', 'Business applications compatible with Linux / ODF'), unit: b('logiciels', 'applications'), target: null },
	{ id: 'agents-trained', name: b('Agents formés', 'Staff trained'), unit: b('agents', 'people'), target: null },
	{ id: 'training-sessions', name: b('Sessions de formation', 'Training sessions'), unit: b('sessions', 'sessions'), target: 40 },
	{ id: 'licence-costs-avoided', name: b('Dépenses de licences évitées', 'Licence spending avoided'), unit: b('€ par an', '€ per year'), target: null },
	{ id: 'sovereign-hosting-share', name: b('Données hébergées en interne ou sur infrastructure souveraine', 'Data hosted in-house or on sovereign infrastructure'), unit: b('%', '%'), target: 100 },
	{ id: 'hardware-lifetime', name: b('Durée de vie moyenne du matériel', 'Average hardware lifetime'), unit: b('années', 'years'), target: 8 },
	{ id: 'migration-tickets', name: b('Demandes de support liées à la migration', 'Migration support requests'), unit: b('par mois', 'per month'), target: null },
	{ id: 'residents-supported', name: b('Habitants accompagnés par la médiation numérique', 'Residents helped by digital mediation'), unit: b('personnes', 'people'), target: null },
	{ id: 'pcs-refurbished', name: b('Ordinateurs reconditionnés remis aux habitants', 'Refurbished PCs given to residents'), unit: b('ordinateurs', 'PCs'), target: null },
	{ id: 'tnl-level', name: b('Niveau du label Territoire Numérique Libre (0 badge, 1 bronze, 2 argent, 3 or)', 'Territoire Numérique Libre label level (0 badge, 1 bronze, 2 silver, 3 gold)'), unit: b('niveau', 'level'), target: 3 },
]
