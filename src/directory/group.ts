/**
 * The shape of one organisation in the bundled directory. Every fact cites the page it was read on (`sources`), by
 * address and with that page's own date; a fact no source has stays empty (null or []) rather than being filled
 * from memory. tests/unit/directory-schema.test.ts holds every record to that.
 */

export type GroupKind =
  'addiction' | 'mental-health' | 'family-and-friends' | 'helpline' | 'clearinghouse' | 'crisis' | 'grief' | 'health';

/** The crises a line answers, for the popup's crisis-first search (crisis.ts); 'crisis' is any crisis at all. */
export type CrisisTopic = 'suicide' | 'domestic-violence' | 'sexual-assault' | 'poisoning' | 'crisis';

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
  | 'notes'
  | 'topics'
  | 'routes';

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

/**
 * A number of the organisation that is not a way into a line: its office, a meeting dial-in, chapter services. The
 * ways a person reaches a helpline or crisis line are its `routes`.
 */
export interface Phone {
  /** As printed in the source, US style: "(212) 870-3400", "1-800-950-6264". */
  number: string;
  /** 'office' also covers numbers the source prints without saying what they are: we do not promote them to helplines. */
  label: 'office' | 'meeting-line' | 'chapter-services';
  /** Hours, vanity spelling, what to text: "Mon–Fri 10am–10pm ET", "text \"helpline\" to 62640". */
  note?: string;
  /** Only where the source grades this number on its own, e.g. "(617) 973-5801 (L)". */
  confidence?: Confidence;
}

/**
 * How a person reaches a line: each way in is its own entry, so "call 988 and press 2" (Spanish) and "text AYUDA to
 * 988" are two routes beside "call 988". `videophone` is an ASL video call; `relay` a call through a relay service
 * (711); `chat` a web page with a chat window.
 */
export type Way = 'call' | 'text' | 'chat' | 'tty' | 'videophone' | 'relay' | 'whatsapp';

export interface Route {
  way: Way;
  /**
   * Where to: a number as the source prints it ("988", "1-800-662-4357", "1-800-MY-RESET", a short code "741741"), or
   * for a chat the https page it opens on.
   */
  to: string;
  /** The key to press once the call answers ("2" for Spanish on 988), as the source says. */
  press?: string;
  /** The word to send first ("AYUDA", "HOME"), as the source prints it. */
  keyword?: string;
  /**
   * BCP 47 codes of the languages this route answers in ('ase' is American Sign Language), as its sources say; empty
   * when none says. The popup puts the routes in the reader's language first.
   */
  languages: string[];
  /** Hours, who it is for, what the route does, in the source's words. */
  note?: string;
  /** Addresses of the record's sources that print this route (each must be one of `sources`). */
  cites: string[];
  /** Only where the source grades this route on its own. */
  confidence?: Confidence;
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
  /** Every way into the group's helpline or crisis line, each cited; empty for a group with no line. */
  routes: Route[];
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
  /**
   * What the group serves, in its own words as the record's cited name and notes give them ("grief", "eating
   * disorders", "gambling"): the popup's search by need reads them after names (search.ts).
   */
  topics: string[];
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
