/**
 * The words clinicians use for a need, in English and Spanish, and the topic words the directory's records use for
 * it: "PPD", "postpartum depression" and "depresión posparto" all ask for what records call "postpartum" or
 * "perinatal". Plain vocabulary, not facts about any group: which group serves what is each record's cited `topics`
 * and `kinds`. find.ts ranks with it (the ranking rule is written there).
 */
import type { GroupKind } from './group.ts';

export interface Need {
  /** What a person types, folded (lower case, no accents): whole words or phrases, English and Spanish. */
  say: readonly string[];
  /** The topic words it asks for, the closest first: a record matching an earlier one ranks higher. */
  mean: readonly string[];
  /** The kind of group that serves it first, among records matching equally (grief: the grief groups). */
  kind?: GroupKind;
  /** Spanish words among `say`: a query made of them is read in Spanish (the popup shows Spanish routes first). */
  spanish?: readonly string[];
}

export const NEEDS: readonly Need[] = [
  {
    say: ['grief', 'grieving', 'bereavement', 'bereaved', 'mourning', 'loss', 'loss of a loved one'],
    spanish: ['duelo', 'luto', 'perdida de un ser querido'],
    mean: ['grief', 'bereaved', 'grieving', 'death', 'loss'],
    kind: 'grief',
  },
  {
    say: ['eating disorder', 'eating disorders', 'ed', 'anorexia', 'bulimia', 'binge eating'],
    spanish: ['trastorno alimentario', 'trastornos alimentarios', 'trastorno de la conducta alimentaria', 'tca'],
    mean: ['eating disorders', 'anorexia', 'bulimia', 'overeating', 'food'],
  },
  {
    say: ['ppd', 'postpartum', 'post partum', 'postpartum depression', 'postnatal', 'perinatal', 'pregnancy'],
    spanish: ['posparto', 'depresion posparto', 'embarazo'],
    mean: ['postpartum', 'perinatal', 'maternal', 'pregnant', 'new mothers'],
  },
  {
    say: ['lgbt', 'lgbtq', 'lgbtq+', 'lgbtqia', 'lgbtqia+', 'gay', 'lesbian', 'bisexual', 'queer', 'transgender'],
    mean: ['lgbtq', 'trans'],
  },
  {
    say: ['oud', 'opioid', 'opioids', 'opiate', 'opiates', 'fentanyl', 'opioid use disorder'],
    spanish: ['opioides', 'opiaceos', 'heroina'],
    mean: ['opioid', 'substance use', 'heroin', 'narcotics'],
  },
  {
    say: ['drugs', 'drug', 'drug use', 'substance use', 'substance abuse', 'sud'],
    spanish: ['drogas', 'droga', 'consumo de drogas'],
    mean: ['narcotics', 'substance use', 'drugs', 'drug'],
  },
  {
    say: ['alcohol', 'alcoholism', 'drinking', 'aud', 'alcohol use disorder'],
    spanish: ['alcoholismo', 'beber'],
    mean: ['alcohol', 'alcoholics', 'drinking', 'sobriety'],
  },
  {
    say: ['dv', 'ipv', 'domestic violence', 'domestic abuse', 'intimate partner violence', 'partner abuse'],
    spanish: ['violencia domestica', 'violencia de pareja', 'violencia intrafamiliar', 'maltrato'],
    mean: ['domestic violence', 'intimate partner violence', 'relationship abuse', 'dating violence'],
  },
  {
    say: ['dating abuse', 'dating violence', 'teen dating violence', 'abusive relationship'],
    spanish: ['violencia en el noviazgo'],
    mean: ['dating abuse', 'dating violence', 'relationship abuse'],
  },
  {
    say: ['sexual assault', 'rape', 'sexual abuse', 'sexual violence'],
    spanish: ['abuso sexual', 'violacion', 'agresion sexual'],
    mean: ['sexual assault', 'rape', 'sexual violence'],
  },
  {
    say: ['poison', 'poisoning', 'poisoned', 'overdose', 'swallowed'],
    spanish: ['veneno', 'envenenamiento', 'intoxicacion', 'sobredosis'],
    mean: ['poison', 'medication errors'],
  },
  {
    say: ['gambling', 'gambler', 'betting', 'sports betting', 'casino'],
    spanish: ['juego', 'juegos de azar', 'apuestas', 'ludopatia'],
    mean: ['gambling'],
  },
  {
    say: ['dementia', 'alzheimers', 'alzheimer', 'memory loss'],
    spanish: ['demencia'],
    mean: ['dementia', "alzheimer's"],
  },
  { say: ['suicide', 'suicidal'], spanish: ['suicidio', 'suicida'], mean: ['suicide', 'suicide loss'] },
  { say: ['depression', 'depressed'], spanish: ['depresion'], mean: ['depression'] },
  { say: ['anxiety', 'panic'], spanish: ['ansiedad', 'panico'], mean: ['anxiety'] },
  {
    say: ['ocd', 'obsessive compulsive'],
    spanish: ['toc', 'trastorno obsesivo compulsivo'],
    mean: ['ocd', 'obsessive compulsive'],
  },
  {
    say: ['psychosis', 'schizophrenia', 'voices', 'hearing voices'],
    spanish: ['esquizofrenia', 'psicosis', 'voces'],
    mean: ['schizophrenia', 'hearing voices'],
  },
  {
    say: ['veteran', 'veterans', 'military', 'service member', 'soldier'],
    spanish: ['veterano', 'veteranos', 'militar'],
    mean: ['veterans', 'service members', 'veteran', 'service member'],
  },
  {
    say: ['child abuse', 'child neglect'],
    spanish: ['maltrato infantil', 'abuso infantil'],
    mean: ['child abuse'],
  },
  {
    say: ['runaway', 'ran away', 'homeless youth'],
    spanish: ['fugarse', 'sin hogar'],
    mean: ['running away', 'homeless'],
  },
  { say: ['trafficking', 'human trafficking'], spanish: ['trata', 'trata de personas'], mean: ['human trafficking'] },
  {
    say: ['loneliness', 'lonely', 'isolation', 'elderly', 'seniors', 'older adults'],
    spanish: ['soledad', 'ancianos', 'adultos mayores'],
    mean: ['loneliness'],
  },
  { say: ['tbi', 'brain injury', 'traumatic brain injury', 'concussion'], mean: ['brain injury'] },
  {
    say: ['smoking', 'vaping', 'tobacco', 'quit smoking', 'cigarettes'],
    spanish: ['fumar', 'tabaco', 'nicotina'],
    mean: ['nicotine', 'smokers'],
  },
  { say: ['cannabis', 'weed', 'pot'], spanish: ['marihuana'], mean: ['marijuana'] },
  { say: ['meth', 'methamphetamine'], spanish: ['metanfetamina'], mean: ['crystal meth'] },
  { say: ['crack'], spanish: ['cocaina'], mean: ['cocaine'] },
  {
    say: ['porn', 'pornography', 'sexual compulsivity', 'sex addict', 'sex addiction', 'sexual addiction'],
    spanish: ['adiccion sexual'],
    mean: ['sex addiction', 'sexaholics'],
  },
  { say: ['debt', 'debts', 'compulsive spending'], spanish: ['deudas'], mean: ['debt'] },
  { say: ['incest'], spanish: ['incesto'], mean: ['incest', 'childhood sexual abuse'] },
  { say: ['disaster', 'hurricane', 'wildfire'], spanish: ['desastre', 'huracan'], mean: ['disaster'] },
  { say: ['cancer'], spanish: ['cancer'], mean: ['cancer'] },
  { say: ['heart', 'cardiac', 'heart attack'], spanish: ['corazon'], mean: ['heart patients'] },
];

/** Words that ask for a kind of group rather than a topic: ranked after the topics (find.ts). */
export const KIND_WORDS: Readonly<Record<GroupKind, readonly string[]>> = {
  addiction: [
    'addiction',
    'addictions',
    'addicted',
    'addict',
    'recovery',
    'adiccion',
    'adicciones',
    'adicto',
    'adicta',
    'adictos',
    'recuperacion',
  ],
  'mental-health': ['mental health', 'mental illness', 'salud mental', 'enfermedad mental'],
  'family-and-friends': ['family', 'families', 'friends', 'loved one', 'familia', 'familias', 'familiares', 'amigos'],
  helpline: ['helpline', 'hotline', 'help line', 'linea de ayuda', 'telefono de ayuda'],
  crisis: ['crisis', 'emergency', 'emergencia'],
  grief: ['grief', 'bereavement', 'duelo', 'luto'],
  health: ['health', 'illness', 'salud'],
  clearinghouse: ['clearinghouse', 'self-help', 'autoayuda'],
};
