import type { LocaleTexts } from './types.js';

export const fr: LocaleTexts = {
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  signature: "L'équipe Jisr",
  templates: {
    verify_email: {
      subject: 'Confirmez votre adresse e-mail sur Jisr',
      body: (p) => [
        'Bienvenue sur Jisr, la passerelle entre les compétences de la diaspora et les besoins des institutions. ' +
          'Pour activer votre compte, merci de confirmer votre adresse e-mail en ouvrant ce lien :',
        { link: p.link! },
        'Ce lien est valable 48 heures. Si vous n’avez pas créé de compte sur Jisr, vous pouvez ignorer ce message.',
      ],
      closing: 'Au plaisir de vous compter parmi nous,',
    },
    reset_password: {
      subject: 'Réinitialisation de votre mot de passe Jisr',
      body: (p) => [
        'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Jisr. ' +
          'Pour choisir un nouveau mot de passe, ouvrez ce lien :',
        { link: p.link! },
        'Ce lien est valable 1 heure et ne peut servir qu’une seule fois.',
        'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement ce message : ' +
          'votre mot de passe actuel reste inchangé.',
      ],
      closing: 'Bien cordialement,',
    },
    account_exists: {
      subject: 'Tentative d’inscription avec votre adresse e-mail',
      body: (p) => [
        'Quelqu’un a tenté de créer un compte Jisr avec cette adresse e-mail, alors qu’un compte existe déjà pour elle.',
        'Si c’était vous, vous pouvez vous connecter, ou réinitialiser votre mot de passe si vous l’avez oublié, ' +
          'depuis ce lien :',
        { link: p.link! },
        'Si ce n’était pas vous, vous n’avez rien à faire : votre compte n’a pas été modifié.',
      ],
      closing: 'Bien cordialement,',
    },
    password_changed: {
      subject: 'Votre mot de passe Jisr a été modifié',
      body: (p) => [
        'Le mot de passe de votre compte Jisr vient d’être modifié. Si c’est bien vous, vous n’avez rien à faire.',
        'Si vous n’êtes pas à l’origine de ce changement, réinitialisez sans attendre votre mot de passe ' +
          '(« Mot de passe oublié » sur la page de connexion) et contactez-nous, afin que nous vous aidions à sécuriser votre compte.',
        ...(p.link ? [{ link: p.link }] : []),
      ],
      closing: 'Bien cordialement,',
    },
    profile_still_available: {
      subject: 'Êtes-vous toujours disponible pour des missions ?',
      body: (p) => [
        'Votre profil d’expert sur Jisr n’a pas été confirmé depuis six mois. Les institutions comptent sur des profils à jour : ' +
          'dites-nous d’un clic qu’il est toujours exact, en ouvrant ce lien :',
        { link: p.link! },
        'Si quelque chose a changé (disponibilités, compétences, coordonnées), connectez-vous pour mettre votre profil à jour. ' +
          'Tant qu’il n’est pas confirmé, votre profil apparaît plus bas dans les propositions faites aux institutions.',
        'Ce lien est valable 30 jours et ne sert qu’une fois.',
      ],
      closing: 'Merci de votre engagement,',
    },
    notification: {
      subject: 'Du nouveau sur Jisr',
      body: (p) => [p.text!, 'Le détail est sur Jisr :', { link: p.link! }],
      closing: 'Bien cordialement,',
    },
  },
};
