package audit

// Words people read from the store: error messages, list notes. Kept in one
// table so a Spanish edition is a translation of this file, not a hunt
// through the code. Each is a fmt format; the comment names its arguments.
const (
	// audit id, pid
	msgLocked = "audit %s is open in another assay process (pid %d); close it there first"
	// audit id
	msgLockedNoPID = "audit %s is open in another assay process; close it there first"
	// audit id
	msgNoSuchAudit = "no audit %q in %s"
	// audit id
	msgBadID = "%q is not a valid audit id"
	// prefix typed, the ids it could be
	msgAmbiguousID = "%q could be any of several audits: %s"
	// audit id, file, cause
	msgSaveFailed = "saving audit %s: %s: %v"
	// audit id, file, cause
	msgDiskFull = "saving audit %s: disk full: %s: %v"
	// audit id, file, cause
	msgFileTooLarge = "saving audit %s: disk full or file size limit reached: %s: %v"
	// file, cause
	msgWriteFailed = "writing %s: %v"
	// file, cause
	msgDiskFullFile = "writing %s: disk full: %v"
	// file, cause
	msgSizeLimitFile = "writing %s: disk full or file size limit reached: %v"
	msgFinalized     = "audit is finalized; amend it first"
	// handle audit id, audit id given
	msgWrongAudit = "this handle is for audit %s, not %s"
	msgClosed     = "audit %s is closed"

	// file schema, supported schema
	msgSchemaTooNew = "written by a newer assay (schema %d; this one reads up to %d): update assay to open it"
	// schema
	msgSchemaUnknown = "unknown schema %d"
	msgEmpty         = "file is empty"
	msgFileMissing   = "file is missing"
	// line, column
	msgTruncated = "file ends early at line %d, column %d (truncated?)"
	// line, column, cause
	msgSyntax = "bad JSON at line %d, column %d: %v"
	// field, kind found, kind expected, line, column
	msgWrongType = "field %q holds %s where %s belongs (line %d, column %d)"
	msgNotObject = "not an audit: the file does not hold a JSON object"
	msgNoID      = "no audit id in the file"
	// audit id, cause
	msgToTrash = "moving audit %s to the trash: %v"
	// file, the name it was to be kept as, cause
	msgKeepCorrupt = "keeping the unreadable %s as %s: %v"
	// requirement id (a schema 0 file's finding)
	msgOldFinding = "finding %s is neither a verdict nor an object"
	// requirement id, verdict as written
	msgOldVerdict = "finding %s has unknown verdict %q"
	// revision, recorded hash, hash of the content now
	msgHashMismatch = "revision %d is finalized but its content was changed afterwards (content hash recorded %s, now %s): the file was edited outside assay or damaged"
	// id in file, folder name
	msgIDMismatch = "the file is for audit %q but sits in folder %q"
	// field, value as written, example of the expected form, line, column
	msgBadTime = "field %s holds %s, which is not a date and time (expected the form %s) (line %d, column %d)"
	// kind of file (safefile.Kind)
	msgNotRegularFile = "not a regular file (a %s)"
	// size, limit
	msgFileOverLimit = "the file is %s, over the %s limit"
	// path, reason
	msgCorrupt       = "%s is unreadable: %s"
	msgCorruptBackup = "; a backup exists: run 'assay recover %s'"
	msgCorruptNoBak  = "; no backup exists"

	// list entries
	// reason
	msgListUnreadable = "unreadable: %s"
	// msgListUnreadableFile names the file (audit.json or its backup) so
	// the inspector knows what to look at.
	msgListUnreadableFile = "unreadable %s: %s"
	// audit id
	msgListBackup = "; a backup exists: run recovery ('assay recover %s')"
	msgListNoBak  = "; no backup"
	// (list notes are typed: audit.Note; each surface words them)

	// recovery
	// audit id
	msgNoBackup = "audit %s has no backup to restore (audit.json.bak is missing)"
	// audit id
	msgNotCorrupt = "audit %s is readable: there is nothing to recover (the backup is only for an unreadable audit.json)"
	// reason
	msgBackupCorrupt = "the backup is unreadable too: %s"

	// exports
	// name
	msgBadExportName = "%q is not a plain file name for an export"

	// evidence
	// path
	msgEvidenceMissing = "evidence file %s does not exist"
	// path
	msgEvidenceDir = "%s is a folder, not a file: choose a file"
	// path, size, limit
	msgEvidenceTooBig = "%s is %s, over the %s limit for one evidence file"
	// path, cause
	msgEvidenceRead = "reading evidence %s: %v"
	// path, cause
	msgEvidenceCopy = "copying evidence %s into the audit: %v"
	// requirement id, catalog id
	msgEvidenceUnknownReq = "requirement %s is not in catalog %s"
	// requirement id
	msgEvidenceNotLinked = "evidence %s is not linked to requirement %s"
	// sha
	msgEvidenceUnknown = "no evidence %s in this audit"

	// kinds of JSON values, for msgWrongType
	kindText   = "text"
	kindNumber = "a number"
	kindBool   = "true or false"
	kindList   = "a list"
	kindObject = "an object"
	kindNull   = "null"
	kindOther  = "another kind of value"

	// home
	msgNoHome = "no home folder: set ASSAY_HOME or XDG_DATA_HOME: %v"
)
