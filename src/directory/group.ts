/**
 * The shape of one organisation in the bundled directory. Every fact cites the page it was read on (`sources`), by
 * address and with that page's own date; a fact no source has stays empty (null or []) rather than being filled
 * from memory. tests/unit/directory-schema.test.ts holds every record to that.
 */

export type GroupKind =
  'addiction' | 'mental-health' | 'family-and-friends' | 'helpline' | 'clearinghouse' | 'crisis' | 'grief' | 'health';

/** The crises a line answers, for the popup's crisis-first search (crisis.ts); 'crisis' is any crisis at all. */
export type CrisisTopic = 'suicide' | 'domestic-violence' | 'sexual-assault' | 'crisis';

/** H: the organisation's own page among the sources; M: a dated secondary source or several agreeing; L: only weak sources. */
export type Confidence = 'H' | 'M' | 'L';

/** The facts of a record a source can support (kinds and crisisTopics are the directory's own sorting, not facts). */
export type Fact =
  | 'name'
  | 'formerNames'
  | 'acronyms'
  | 'website'
  | 'otherDomains'
  | 'formerDomains'
  | 'unconfirmedFormerDomains'
  | 'formerUrlPrefixes'
  | 'phones'
  | 'email'
  | 'address'
  | 'meetingFinder'
  | 'languages'
  | 'notes';

/** A page a record's facts were read on. */
export interface Source {
  /** Its address, or an archived copy's (https://web.archive.org/web/<14-digit timestamp>/<address>). */
  url: string;
  /** The page's own date (published, updated or captured): YYYY, YYYY-MM or YYYY-MM-DD; null when it shows none. */
  date: string | null;
  /** Which of the record's facts it supports. */
  facts: Fact[];
  /** A lone secondary page (one list, one news item): the record leans on it only where nothing better was found. */
  weak?: boolean;
}

export interface Phone {
  /** As printed in the source, US style: "(212) 870-3400", "1-800-950-6264", "988", or an SMS short code ("62640"). */
  number: string;
  /** 'office' also covers numbers the source prints without saying what they are: we do not promote them to helplines. */
  label: 'office' | 'helpline' | 'text' | 'tty' | 'meeting-line' | 'chapter-services';
  /** Hours, vanity spelling, what to text: "Mon–Fri 10am–10pm ET", "text \"helpline\" to 62640". */
  note?: string;
  /** Only where the source grades this number on its own, e.g. "(617) 973-5801 (L)". */
  confidence?: Confidence;
  /**
   * A number the group used to give, kept so that a handout still printing it can be told the current one: it may
   * still ring through, but it is not the number to print (the 988 Lifeline's old 1-800-273-8255).
   */
  former?: true;
}

export interface Group {
  /** kebab-case and stable: stored verdicts and settings may refer to it. */
  id: string;
  name: string;
  formerNames: string[];
  /** Current and former acronyms, only those the source spells out (DBSA, NDMDA, MDA). */
  acronyms: string[];
  kinds: GroupKind[];
  /** Current home as an https URL, on the host the source gives (no guessed "www."). */
  website: string | null;
  /** Other domains the group uses today (Al-Anon's alateen.org): a link there is current, not moved. */
  otherDomains: string[];
  /** Hosts that used to be the group's ("ocfoundation.org", "nmha.org"): links there get the current website as new home. */
  formerDomains: string[];
  /**
   * Old domains the source lists as unconfirmed (ndmda.org, recovery-inc.org, …). Kept for the record but never
   * matched: a domain that may never have been the group's could belong to anyone now.
   */
  unconfirmedFormerDomains: string[];
  /** Host + path (+ query) without scheme or "www.": "mentalhelp.net/selfhelp/", "nsfoundation.org/sa/". */
  formerUrlPrefixes: string[];
  phones: Phone[];
  email: string | null;
  /** One line, as the source prints it. */
  address: string | null;
  /** Only where the source grades the address apart from the rest of the record. */
  addressConfidence?: Confidence;
  meetingFinder: string | null;
  /** BCP 47 codes, only where known. */
  languages: string[];
  /** History and caveats a reader needs: renames, dates, what is unconfirmed. */
  notes: string | null;
  /** For a crisis line: the crises it answers (empty for everything else). */
  crisisTopics: CrisisTopic[];
  /** Where each fact was read, best first. */
  sources: Source[];
  /** ISO date the record's facts were last checked against its sources. */
  verified: string;
  /**
   * How far to trust the record as a whole; a letter on a single fact (Phone.confidence, addressConfidence) grades
   * that fact apart, so a record can be H with an L address.
   */
  confidence: Confidence;
}
