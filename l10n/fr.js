OC.L10N.register(
	"degooglisation",
	{
		"Blocked": "Bloquée",
		"Create your commune's roadmap from the starter template: six phases and about sixty tasks to adapt.": "Créez la feuille de route de votre commune à partir du modèle : six phases et une soixantaine de tâches à adapter.",
		"Done": "Terminée",
		"Dropped": "Abandonnée",
		"In progress": "En cours",
		"Loading…": "Chargement…",
		"Name of your commune": "Nom de votre commune",
		"New roadmap from the starter template": "Nouvelle feuille de route à partir du modèle",
		"No phase": "Sans phase",
		"No roadmap yet": "Pas encore de feuille de route",
		"Not saved yet, retrying: {error}": "Pas encore enregistré, nouvel essai : {error}",
		"Open Dégooglisation": "Ouvrir Dégooglisation",
		"Overall progress": "Avancement global",
		"Overall progress: {percent} %": "Avancement global : {percent} %",
		"Read only: you can view this roadmap but not change it": "Lecture seule : vous pouvez consulter cette feuille de route mais pas la modifier",
		"Roadmaps": "Feuilles de route",
		"Saved": "Enregistré",
		"Saving…": "Enregistrement…",
		"The file {file} could not be read and was left untouched: {message}": "Le fichier {file} n'a pas pu être lu et n'a pas été modifié : {message}",
		"This roadmap cannot be opened": "Cette feuille de route ne peut pas être ouverte",
		"To do": "À faire",
		"Your roadmap tasks will appear here.": "Les tâches de vos feuilles de route s'afficheront ici."
	},
	"nplurals=2; plural=(n > 1);"
);
