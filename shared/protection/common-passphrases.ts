/**
 * The mini list of passwords and phrases people pick first, in English, Finnish and Swedish: the
 * top of the published leak lists (NordPass, SplashData, Have I Been Pwned's top-100), Finnish and
 * Swedish favourites (words, greetings, places, seasons, days), and words of this very workplace.
 *
 * Entries are written as people type them; ./passphrase folds them (lower case, no diacritics, no
 * spaces) before comparing, so 'Hyvää Päivää', 'hyvaapaivaa' and 'HYVÄÄ-PÄIVÄÄ' are one entry.
 * A passphrase that is one of these, give or take digits and symbols around it and l33t spelling,
 * is refused; one that merely contains one scores lower (see ./passphrase).
 */
export const COMMON_PASSPHRASES: readonly string[] = [
  // English: the leak-list top and well-known phrases
  '123456', '123456789', '12345678', '12345', '1234567', '1234567890', '111111', '123123', '000000',
  '654321', '123321', '112233', '121212', '666666', '696969', '7777777', '987654321',
  'password', 'password1', 'passw0rd', 'mypassword', 'thisismypassword', 'nopassword', 'passwordpassword',
  'qwerty', 'qwerty123', 'qwertyuiop', 'qwertyuiopasdfghjkl', 'asdfghjkl', 'asdfasdf', 'zxcvbnm',
  '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'zaq12wsx', 'qazwsx', 'abc123', 'abcdef', 'abcd1234',
  'iloveyou', 'iloveyoutoo', 'iloveyouforever', 'ilovemyfamily', 'ilovemykids', 'letmein', 'letmeinplease',
  'trustno1', 'welcome', 'welcomehome', 'changeme', 'changemeplease', 'secret', 'topsecret',
  'admin', 'administrator', 'login', 'master', 'default', 'guest', 'test', 'testing',
  'dragon', 'monkey', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'batman', 'starwars',
  'shadow', 'michael', 'jennifer', 'jordan', 'hunter', 'hunter2', 'charlie', 'liverpool', 'chelsea',
  'arsenal', 'computer', 'internet', 'whatever', 'freedom', 'hello', 'helloworld', 'happybirthday',
  'goodmorning', 'goodnight', 'opensesame', 'correct horse battery staple',
  'the quick brown fox jumps over the lazy dog', 'to be or not to be', 'may the force be with you',
  'one two three four', 'summer', 'winter', 'spring', 'autumn', 'january', 'december', 'monday', 'friday',
  'love', 'family', 'mother', 'father', 'children', 'flower', 'cookie', 'chocolate', 'pokemon', 'minecraft',
  // Finnish
  'salasana', 'salasanani', 'minun salasana', 'minun salasanani', 'tämä on salasana', 'uusi salasana',
  'vaihda salasana', 'salainen', 'huippusalainen', 'kissa', 'koira', 'kissakoira', 'perkele', 'saatana',
  'suomi', 'suomi finland', 'suomi perkele', 'hyvää päivää', 'hyvää huomenta', 'hyvää yötä', 'huomenta',
  'moikka', 'moi moi', 'terve', 'kiitos', 'tervetuloa', 'aurinko', 'kesä', 'kesäloma', 'talvi', 'kevät',
  'syksy', 'joulu', 'joulupukki', 'hyvää joulua', 'juhannus', 'mansikka', 'mustikka', 'rakkaus', 'rakastan',
  'rakastan sinua', 'minä rakastan sinua', 'äiti', 'isä', 'mummo', 'ukki', 'lapset', 'perhe', 'koti',
  'helsinki', 'tampere', 'turku', 'oulu', 'jyväskylä', 'kuopio', 'lappi', 'sauna', 'sisu', 'lumi', 'metsä',
  'järvi', 'karhu', 'kahvi', 'pulla', 'jääkiekko', 'leijonat', 'maanantai', 'tiistai', 'keskiviikko',
  'torstai', 'perjantai', 'lauantai', 'sunnuntai', 'tammikuu', 'joulukuu', 'yksi kaksi kolme',
  'muumi', 'muumipeikko', 'nokia', 'marimekko', 'fazer', 'hyvinvointi', 'hyvinvointialue', 'sote',
  'ot-keskus', 'ot-keskukset', 'osaamis- ja tukikeskus', 'konsultaatio', 'konsultaatiot', 'lastensuojelu',
  'sosiaalityö', 'sosiaalihuolto', 'koordinaattori', 'asiantuntija', 'verkosto', 'koulu', 'opettaja',
  // Swedish
  'lösenord', 'mitt lösenord', 'nytt lösenord', 'hemligt', 'hemlig', 'sommar', 'vinter', 'hösten', 'våren',
  'jul', 'god jul', 'midsommar', 'god morgon', 'god natt', 'hej hej', 'hejsan', 'tack', 'välkommen',
  'jag älskar dig', 'älskling', 'kärlek', 'mamma', 'pappa', 'familj', 'barn', 'katt', 'hund', 'solen',
  'stockholm', 'göteborg', 'helsingfors', 'åbo', 'vasa', 'mariehamn', 'kanelbulle', 'fika', 'måndag',
  'fredag', 'söndag', 'ett två tre', 'sverige', 'finland', 'lösenordet', 'samarbete', 'socialarbete',
];
