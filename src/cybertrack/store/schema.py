"""Tables, portable between SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", String(2048), nullable=False, unique=True),
    Column("origin", String(16), nullable=False),
    Column("url", String(2048)),
    Column("title", Text),
    Column("published", String(32)),
    Column("author", Text),
    Column("language", String(8), nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("clean_text", Text, nullable=False),
    Column("offsets", Text, nullable=False, doc="JSON list of [clean_start, raw_start, length] spans"),
    Column("removed", Text, nullable=False, doc="JSON list of [raw_start, raw_end, reason]"),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("minhash", LargeBinary),
    Column("duplicate_of", Integer, ForeignKey("documents.id"), index=True),
    Column("similarity", Float),
    Column("note", Text),
    Column("vulnerabilities", Text, nullable=False, default="[]", doc="JSON list of every CVE the article names"),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# Locality-sensitive hashing bands of each canonical document's MinHash: near-duplicate
# candidates are found by an index lookup instead of comparing with every stored article.
document_bands = Table(
    "document_bands",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("bucket", BigInteger, nullable=False),
    Index("ix_document_bands_lookup", "band", "bucket"),
)

# What each article reports, one row per incident frame; the JSON is the `Frame` dataclass.
frames = Table(
    "frames",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Column("vector", LargeBinary,
           doc="float32 embeddings of the frame's sentences and its article's lead, for resolution"),
)

# Incidents are rebuilt from all frames by the resolver; the JSON is the `Incident` without its frames.
incidents = Table(
    "incidents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen", String(32), index=True),
    Column("payload", Text, nullable=False),
    Column("reports", Integer, index=True, doc="how many articles report it: the list's sort by reports"),
    Column("sort_title", Text, index=True, doc="the title case-folded: the list's sort by title"),
    Column("listing", Text, doc="JSON: what a list shows of it (`read_model.listing`), read without the payload"),
)

# The read side (see `store.read_model`): what the list page and the API filter, count and search incidents by,
# written with the incidents so that a page is a few indexed queries, not a pass over every incident's JSON.
# One row per incident and value: its victims' countries, its actors (and, case-folded, their names and aliases),
# the states its claims name, its kinds of attack.
incident_facets = Table(
    "incident_facets",
    metadata,
    Column("incident_id", String(32), ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
    Column("facet", String(16), nullable=False, doc="a read_model.Facet"),
    Column("value", Text, nullable=False),
    Index("ix_incident_facets_lookup", "facet", "value", "incident_id"),
    Index("ix_incident_facets_incident", "incident_id"),
)

# The words an incident is found by (its title, summary, victims, actors and their aliases), indexed for full-text
# search by `store.search`: SQLite's FTS5 or PostgreSQL's text search.
incident_search = Table(
    "incident_search",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("incident_id", String(32), ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("body", Text, nullable=False),
)

# Which actor hit which victim in how many incidents: the list page's graph, its strongest edges first.
actor_victim_edges = Table(
    "actor_victim_edges",
    metadata,
    Column("actor", Text, nullable=False),
    Column("victim", Text, nullable=False),
    Column("incidents", Integer, nullable=False),
    Index("ix_actor_victim_edges_incidents", "incidents"),
)

incident_documents = Table(
    "incident_documents",
    metadata,
    Column("incident_id", String(32), ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
)

# Every claim of every incident, with its evidence: queryable ("who attributes what to China?") without
# reading the incident JSON. Rebuilt with the incidents.
claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("incident_id", String(32), ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("claimant", Text, nullable=False),
    Column("stance", String(24), nullable=False, doc="a model.Stance: attributes, claims-responsibility, denies, ..."),
    Column("attributed_to", Text, nullable=False, doc="JSON list of actor names and ISO country codes"),
    Column("hedged", Boolean, nullable=False),
    Column("certainty", String(16), doc="a model.Certainty: confirmed, likely or possible (empty in older rows)"),
    Column("date", String(32)),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence_start", Integer, nullable=False, doc="offsets of the evidence sentence in the clean text"),
    Column("sentence_end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Index("ix_claims_stance", "stance"),  # migration 0002
)

# One row: how far the frames have changed and how far the incidents reflect them. Every document write moves
# ``frames_version`` on; a resolution records the version it read. A crash between the two (the documents committed,
# the resolution killed) leaves ``resolved_version`` behind, and the next run sees it and resolves again.
resolution_state = Table(
    "resolution_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("frames_version", Integer, nullable=False),
    Column("resolved_version", Integer, nullable=False),
    Column("incidents_version", Integer, doc="moves on at every write of the incidents: what the read side caches by"),
    Column("replay", Boolean, doc="a resolved frame changed or went: the next resolution replays every generation"),
)

# The resolver's memory (`resolve.ResolutionMemory`), kept so that a new article joins the stored incidents without
# every stored frame being resolved again (`cybertrack.resolution_memory`): each incident's ordinal (the order incidents
# were started in), the frames it holds in the order they joined, and the index from block keys to incidents.
resolution_clusters = Table(
    "resolution_clusters",
    metadata,
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("incident_id", String(32), nullable=False),
    Column("links", Text, nullable=False, doc="JSON list of the incident's `Link`s: why each report joined it"),
)

resolution_members = Table(
    "resolution_members",
    metadata,
    Column("frame_id", Integer, primary_key=True, autoincrement=False,
           doc="a frames row; no foreign key: replacing a document's frames forgets their rows and asks for a replay"),
    Column("ordinal", Integer, nullable=False, index=True),
    Column("position", Integer, nullable=False, doc="its place among the incident's frames, in the order they joined"),
    Column("generation", Integer, nullable=False, doc="the resolution that took it in: a replay follows them in order"),
    Column("opens", Boolean, nullable=False, doc="it opens its article (`same_incident.opens_article`)"),
)

resolution_keys = Table(
    "resolution_keys",
    metadata,
    Column("key", Text, nullable=False),
    Column("ordinal", Integer, nullable=False, index=True),
    Column("recency", BigInteger, nullable=False, doc="when the incident last joined under the key; larger is later"),
    PrimaryKeyConstraint("key", "ordinal"),
)

# The TAXII collection: every STIX object of the export, serialized, with the time it entered the collection in its
# present form. TAXII clients poll with `added_after`, so the date added is ours and only moves forward; an object
# whose content changes is added again. Refreshed with the incidents, in the same transaction.
collection_objects = Table(
    "collection_objects",
    metadata,
    Column("seq", Integer, primary_key=True, doc="after date_added, the order pages follow"),
    Column("stix_id", String(128), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False),
    Column("payload", Text, nullable=False, doc="the STIX object's JSON"),
    Column("date_added", DateTime(timezone=True), nullable=False, doc="UTC, microseconds"),
    Index("ix_collection_objects_added", "date_added", "seq"),
)

# What the collection holds of each incident: the fingerprint of what its own objects (itself, its relationships and
# notes) were made of, and their ids. An incident whose fingerprint is unchanged keeps its objects as they are, not
# made again; it is a table of its own so that a database made before it opens and fills it at its next refresh.
collection_incidents = Table(
    "collection_incidents",
    metadata,
    Column("incident_id", String(32), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("objects", Text, nullable=False, doc="JSON list of the STIX ids of the incident's own objects"),
)
