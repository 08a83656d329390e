#!/usr/bin/env bash
# make-corpus.sh — writes a benchmark corpus of DOCX résumés (docs/benchmarks.md).
#
#   bench/make-corpus.sh [FOLDER] [COUNT]      (defaults: build/bench-corpus, 2000)
#
# Each résumé is drawn from fixed lists (names, employers, titles, skills,
# bullet templates, degrees, dates, section-heading variants, skills as a table,
# a bullet list or a line) with a fixed seed, written as Markdown and turned
# into DOCX by real writers: pandoc for 90 % of them, and LibreOffice Writer for
# every tenth (pandoc -> .odt, then one `soffice --convert-to docx` call for all
# of them). pandoc runs two at a time (xargs -P 2).
#
# Idempotent: when FOLDER already holds COUNT or more .docx files nothing is
# done. Otherwise the whole corpus is built in a scratch folder and moved into
# place, so an interrupted run never leaves a half corpus that looks complete.
# The same COUNT always gives the same texts (the DOCX zip timestamps from
# LibreOffice differ between runs). The corpus is never committed.
#
# Needs: python3, pandoc, soffice (apt-get install -y pandoc libreoffice-writer-nogui).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$(cd "$here/.." && pwd)/build/bench-corpus}"
count="${2:-2000}"
lo_every=10   # every tenth résumé goes through LibreOffice

case "$count" in '' | *[!0-9]*) echo "make-corpus.sh: COUNT must be a number" >&2; exit 2 ;; esac
for tool in python3 pandoc soffice xargs; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "make-corpus.sh: '$tool' not found (apt-get install -y pandoc libreoffice-writer-nogui)" >&2
    exit 2
  }
done

mkdir -p "$out"
have="$(find "$out" -maxdepth 1 -type f -name '*.docx' | wc -l)"
if [ "$have" -ge "$count" ]; then
  echo "make-corpus.sh: $out already holds $have DOCX files (>= $count); nothing to do"
  exit 0
fi

export SOURCE_DATE_EPOCH=1767225600   # stable pandoc zip/metadata dates
work="$(mktemp -d /tmp/ra-bench-corpus.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/md" "$work/odt" "$work/docx"

# ---------------------------------------------------------------------------
# 1. Markdown sources, deterministic.
python3 - "$work/md" "$count" "$lo_every" <<'PY'
import random, sys, os

outdir, count, lo_every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(20260101)

FIRST = ["Elena", "Marcus", "Priya", "Tomás", "Aisha", "Jonas", "Mei", "Oluwaseun", "Sofia", "Liam",
         "Chiara", "Dmitri", "Fatima", "Hiro", "Zoë", "Gabriel", "Ingrid", "Kwame", "Lucía", "Noah",
         "Anika", "Rafael", "Yuki", "Samuel", "Leila", "Björn", "Carmen", "Arjun", "Hannah", "Mateo",
         "Nadia", "Owen", "Paulina", "Ravi", "Sara", "Tobias", "Uma", "Victor", "Wen", "Yara"]
LAST = ["Marsh", "Okafor", "Lindqvist", "Ramírez", "Chen", "Kowalski", "Haddad", "Nakamura", "Dubois",
        "Mensah", "Rossi", "Petrov", "Singh", "García", "Müller", "O'Brien", "Andersen", "Costa", "Kim",
        "Novak", "Abebe", "Fischer", "Ivanova", "Jensen", "Moreau", "Nguyen", "Park", "Quinn", "Sato",
        "Tanaka", "Walsh", "Yilmaz", "Zhang", "Bianchi", "Eriksen", "Ferreira", "Horvat", "Larsen"]
CITIES = ["Seattle, WA", "Portland, OR", "Chicago, IL", "Austin, TX", "Boston, MA", "Denver, CO",
          "New York, NY", "San Francisco, CA", "Toronto, ON", "London, UK", "Berlin, Germany",
          "Amsterdam, NL", "Dublin, Ireland", "Bangalore, India", "Singapore", "Sydney, Australia",
          "Atlanta, GA", "Raleigh, NC", "Pittsburgh, PA", "Madrid, Spain"]
EMPLOYERS = ["Northwind Analytics", "Bluefin Health Systems", "Larkspur Retail Labs", "Contoso Finance",
             "Fabrikam Robotics", "Tailspin Logistics", "Adventure Works", "Wingtip Media", "Litware Inc.",
             "Proseware Cloud", "Alpine Ski House", "Coho Vineyard & Winery", "Margie's Travel",
             "Lucerne Publishing", "Humongous Insurance", "Graphic Design Institute", "Woodgrove Bank",
             "Trey Research", "Blue Yonder Airlines", "City Power & Light", "Southridge Video",
             "Datum Corporation", "Consolidated Messenger", "Fourth Coffee", "VanArsdel Ltd.",
             "Relecloud", "Wide World Importers", "Tasmanian Traders", "Munson's Pickles", "Nod Publishers",
             "Olympia Energy", "Quantum Leap Genomics", "Redwood Autonomy", "Silverline Payments",
             "Tidewater Maritime", "Umbra Security", "Vertex Mobility", "Willow Education", "Xylo Games",
             "Yellowstone Data Co."]
TRACKS = {
    "ml": ["Machine Learning Engineer", "Senior Machine Learning Engineer", "ML Engineer",
           "Applied Scientist", "Data Scientist", "MLOps Engineer", "Research Engineer",
           "Deep Learning Engineer", "Staff Machine Learning Engineer"],
    "data": ["Data Engineer", "Senior Data Engineer", "Analytics Engineer", "Data Analyst",
             "Business Intelligence Developer", "Data Platform Engineer"],
    "swe": ["Software Engineer", "Senior Software Engineer", "Backend Developer", "Full-Stack Developer",
            "Front-End Developer", "Site Reliability Engineer", "DevOps Engineer", "Platform Engineer"],
    "other": ["Product Manager", "Project Manager", "Technical Writer", "Quality Assurance Analyst",
              "IT Support Specialist", "Marketing Analyst", "Operations Coordinator"],
}
SKILLS = {
    "Languages": ["Python", "R", "SQL", "C++", "Java", "Scala", "Go", "Rust", "JavaScript", "TypeScript",
                  "Bash", "C#", "Julia", "MATLAB", "Kotlin"],
    "ML frameworks": ["TensorFlow", "PyTorch", "scikit-learn", "Keras", "XGBoost", "LightGBM",
                      "Hugging Face Transformers", "JAX", "spaCy", "OpenCV", "ONNX", "LangChain"],
    "Data": ["NumPy", "pandas", "Apache Spark", "Airflow", "dbt", "PostgreSQL", "BigQuery", "Snowflake",
             "Kafka", "Hadoop", "Redshift", "MongoDB", "Databricks", "Delta Lake"],
    "MLOps": ["MLflow", "Kubeflow", "Docker", "Kubernetes", "TFX", "CI/CD", "GitHub Actions", "Jenkins",
              "Terraform", "Git", "Weights & Biases", "SageMaker Pipelines", "feature store"],
    "Cloud": ["AWS", "Google Cloud", "Azure", "SageMaker", "Vertex AI", "Azure Machine Learning", "S3",
              "Lambda", "EKS", "GKE"],
    "Methods": ["deep learning", "machine learning", "natural language processing", "computer vision",
                "reinforcement learning", "statistics", "A/B testing", "time series forecasting",
                "recommender systems", "feature engineering", "hyperparameter tuning", "model deployment",
                "model monitoring", "data visualization", "probability", "linear algebra",
                "large language models", "generative AI", "transfer learning", "neural networks"],
    "Web": ["React", "Node.js", "HTML", "CSS", "Vue.js", "Django", "Flask", "FastAPI", "GraphQL", "REST APIs"],
    "Soft skills": ["communication", "mentoring", "stakeholder management", "technical leadership",
                    "problem-solving", "teamwork", "agile", "code review"],
}
AREAS_BY_TRACK = {
    "ml": ["Languages", "ML frameworks", "Data", "MLOps", "Cloud", "Methods", "Soft skills"],
    "data": ["Languages", "Data", "Cloud", "MLOps", "Methods", "Soft skills"],
    "swe": ["Languages", "Web", "MLOps", "Cloud", "Soft skills"],
    "other": ["Soft skills", "Languages", "Web"],
}
VERBS = ["Built", "Designed", "Led", "Shipped", "Rebuilt", "Migrated", "Automated", "Developed", "Owned",
         "Introduced", "Scaled", "Optimized", "Deployed", "Maintained", "Prototyped", "Refactored"]
OBJECTS = ["a {a} pipeline", "the {a} service", "an internal {a} platform", "the {a} dashboards",
           "a real-time {a} system", "the nightly {a} jobs", "a {a} library used by {n} teams",
           "the {a} evaluation harness", "a customer-facing {a} feature", "the {a} data model"]
TOPICS = ["recommendation", "fraud detection", "demand forecasting", "search ranking", "churn prediction",
          "document classification", "image tagging", "pricing", "anomaly detection", "speech recognition",
          "billing", "reporting", "onboarding", "inventory", "customer support", "ad targeting"]
RESULTS = ["cutting latency by {p}%", "raising accuracy from 0.{x} to 0.{y}", "saving ${k}k a year",
           "reducing failed deployments by {p}%", "serving {m} million requests a day",
           "bringing a full retrain from {h} hours to {h2}", "lifting conversion by {q}%",
           "used by {n} teams across the company", "with under {l} ms p95 latency"]
EXTRA = ["Mentored {n} junior engineers and ran weekly code review sessions.",
         "Worked with product managers, designers and data scientists to define the roadmap.",
         "Presented quarterly results to executives and translated model metrics into revenue.",
         "Wrote the on-call runbook and the design documents for the team.",
         "Collaborated with the {a} team on data quality checks and data governance.",
         "Interviewed candidates and helped grow the team from {n} to {n2} engineers.",
         "Ran A/B tests with power analysis to decide which variant shipped.",
         "Kept the test suite green in CI/CD and raised coverage to {p}%."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
UNIVERSITIES = ["University of Washington", "Halden State University", "Georgia Institute of Technology",
                "University of Toronto", "Technical University of Munich", "University of Edinburgh",
                "Carnegie Mellon University", "University of Texas at Austin", "Indian Institute of Technology",
                "National University of Singapore", "Universidad Politécnica de Madrid", "Trinity College Dublin",
                "University of Illinois Urbana-Champaign", "Delft University of Technology", "Boston University"]
DEGREES = ["B.S. in {f}", "Bachelor of Science in {f}", "BSc {f}", "B.A. in {f}", "M.S. in {f}",
           "Master of Science in {f}", "MSc in {f}", "Ph.D. in {f}", "PhD, {f}", "MBA", "Associate degree in {f}"]
FIELDS = ["Computer Science", "Statistics", "Mathematics", "Electrical Engineering", "Physics",
          "Data Science", "Economics", "Information Systems", "Cognitive Science", "Mechanical Engineering",
          "Operations Research", "Linguistics"]
CERTS = ["AWS Certified Machine Learning – Specialty", "Google Professional Machine Learning Engineer",
         "Microsoft Certified: Azure Data Scientist Associate", "Certified Kubernetes Administrator (CKA)",
         "TensorFlow Developer Certificate", "Databricks Certified Data Engineer Associate",
         "Scrum Master (PSM I)", "Deep Learning Specialization (Coursera)"]
HEADINGS = {
    "summary": ["Summary", "Profile", "Professional Summary", "About Me", "Objective"],
    "skills": ["Skills", "Technical Skills", "Core Competencies", "Skills & Tools"],
    "experience": ["Experience", "Work Experience", "Professional Experience", "Employment History"],
    "education": ["Education", "Education & Training", "Academic Background"],
    "projects": ["Projects", "Selected Projects", "Open Source"],
    "certs": ["Certifications", "Licenses & Certifications", "Courses"],
}

def fill(t):
    return t.format(a=rng.choice(TOPICS), n=rng.randint(2, 12), n2=rng.randint(13, 40),
                    p=rng.randint(5, 80), x=rng.randint(60, 79), y=rng.randint(80, 95),
                    k=rng.randint(50, 900), m=rng.randint(1, 300), h=rng.randint(8, 30),
                    h2=rng.randint(1, 7), q=rng.randint(1, 12), l=rng.randint(10, 200))

def date(y, m, style):
    if style == 0:
        return f"{MONTHS[m - 1]} {y}"
    if style == 1:
        return f"{m:02d}/{y}"
    if style == 2:
        return f"{MONTHS[m - 1][:3]} {y}"
    return str(y)

def resume(i):
    track = rng.choices(list(TRACKS), weights=[5, 2, 2, 1])[0]
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if rng.random() < 0.2:
        name = name.split()[0] + " " + rng.choice(LAST) + "-" + rng.choice(LAST)
    email = name.lower().replace(" ", ".").replace("'", "") + "@example.com"
    email = email.encode("ascii", "ignore").decode()
    phone = f"({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}"
    title = rng.choice(TRACKS[track])
    areas = AREAS_BY_TRACK[track]
    mine = {a: rng.sample(SKILLS[a], min(len(SKILLS[a]), rng.randint(2, 7))) for a in areas}
    flat = [s for a in areas for s in mine[a]]
    tech = [s for a in areas if a != "Soft skills" for s in mine[a]] or flat
    dash = rng.choice([" – ", " - ", " — ", " to "])
    L = [f"# {name}", "", f"{title} · {rng.choice(CITIES)} · <{email}> · {phone}", ""]

    years = rng.randint(1, 18)
    L += [f"## {rng.choice(HEADINGS['summary'])}", "",
          f"{title} with {years} years of experience in {', '.join(rng.sample(flat, min(4, len(flat))))}. "
          + fill("Known for {a} work that ships, ") + f"clear {rng.choice(['communication', 'writing', 'documentation'])} "
          + f"and {rng.choice(['mentoring', 'teamwork', 'ownership', 'problem-solving'])}.", ""]

    skills = [f"## {rng.choice(HEADINGS['skills'])}", ""]
    style = rng.randrange(3)
    if style == 0:
        skills += ["|              |                                        |",
                   "|--------------|----------------------------------------|"]
        skills += [f"| {a} | {', '.join(mine[a])} |" for a in areas]
    elif style == 1:
        skills += [f"- **{a}:** {', '.join(mine[a])}" for a in areas]
    else:
        skills += [", ".join(flat)]
    skills.append("")

    exp = [f"## {rng.choice(HEADINGS['experience'])}", ""]
    end_y, end_m = 2025, rng.randint(1, 12)
    dstyle = rng.randrange(4)
    for r in range(rng.randint(1, 5)):
        start_y = end_y - rng.randint(1, 4)
        start_m = rng.randint(1, 12)
        end = "Present" if r == 0 and rng.random() < 0.7 else date(end_y, end_m, dstyle)
        role = rng.choice(TRACKS[track] if rng.random() < 0.8 else TRACKS[rng.choice(list(TRACKS))])
        exp += [f"**{role}** — {rng.choice(EMPLOYERS)}, {rng.choice(CITIES)}\\",
                f"{date(start_y, start_m, dstyle)}{dash}{end}", ""]
        for _ in range(rng.randint(2, 7)):
            used = rng.sample(tech, min(len(tech), rng.randint(1, 3)))
            exp.append(f"- {rng.choice(VERBS)} {fill(rng.choice(OBJECTS))} in {' and '.join(used)}, "
                       f"{fill(rng.choice(RESULTS))}.")
        if rng.random() < 0.5:
            exp.append("- " + fill(rng.choice(EXTRA)))
        exp.append("")
        end_y, end_m = start_y, max(1, start_m - 1)

    edu = [f"## {rng.choice(HEADINGS['education'])}", ""]
    for d in range(rng.choice([1, 1, 2, 2, 3])):
        grad = end_y - 2 * d
        edu.append(f"**{rng.choice(DEGREES).format(f=rng.choice(FIELDS))}** — "
                   f"{rng.choice(UNIVERSITIES)}, {grad - rng.randint(1, 4)}{dash}{grad}\\")
        edu.append("")

    extra = []
    if rng.random() < 0.5:
        extra += [f"## {rng.choice(HEADINGS['projects'])}", ""]
        for _ in range(rng.randint(1, 3)):
            extra.append(f"- **{rng.choice(['tiny', 'open', 'fast', 'deep'])}{rng.choice(['serve', 'rank', 'flow', 'vision'])}** "
                         f"({rng.choice(['open source', 'side project', 'hackathon winner'])}): "
                         f"{rng.choice(VERBS).lower()} {fill(rng.choice(OBJECTS))} with {', '.join(rng.sample(tech, min(2, len(tech))))}.")
        extra.append("")
    if rng.random() < 0.4:
        extra += [f"## {rng.choice(HEADINGS['certs'])}", ""]
        extra += [f"- {c}" for c in rng.sample(CERTS, rng.randint(1, 3))]
        extra.append("")

    # Section order varies a little: education first for some early-career résumés.
    body = skills + exp + edu if years > 3 else edu + skills + exp
    return "\n".join(L + body + extra) + "\n"

width = max(4, len(str(count)))
for i in range(1, count + 1):
    text = resume(i)
    with open(os.path.join(outdir, f"resume-{i:0{width}d}.md"), "w", encoding="utf-8") as f:
        f.write(text)
PY

# ---------------------------------------------------------------------------
# 2. pandoc: .docx for most, .odt for the LibreOffice share, two at a time.
cd "$work/md"
ls -1 | sed 's/\.md$//' | sort >"$work/all.txt"
awk -v every="$lo_every" 'NR % every == 0' "$work/all.txt" >"$work/lo.txt"
awk -v every="$lo_every" 'NR % every != 0' "$work/all.txt" >"$work/pandoc.txt"
echo "make-corpus.sh: pandoc: $(wc -l <"$work/pandoc.txt") DOCX and $(wc -l <"$work/lo.txt") ODT for LibreOffice (xargs -P 2)"
xargs -P 2 -I{} pandoc "{}.md" -o "$work/docx/{}.docx" <"$work/pandoc.txt"
xargs -P 2 -I{} pandoc "{}.md" -o "$work/odt/{}.odt" <"$work/lo.txt"

# ---------------------------------------------------------------------------
# 3. LibreOffice Writer: every .odt to .docx in one soffice run.
if [ -s "$work/lo.txt" ]; then
  echo "make-corpus.sh: soffice: $(wc -l <"$work/lo.txt") ODT -> DOCX in one run"
  mkdir -p "$work/lo"
  soffice -env:UserInstallation="file://$work/lo-profile" --headless \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$work/lo" "$work"/odt/*.odt >"$work/soffice.log" 2>&1 || {
    cat "$work/soffice.log" >&2
    echo "make-corpus.sh: soffice failed" >&2
    exit 1
  }
  got="$(find "$work/lo" -name '*.docx' | wc -l)"
  if [ "$got" -ne "$(wc -l <"$work/lo.txt")" ]; then
    cat "$work/soffice.log" >&2
    echo "make-corpus.sh: soffice wrote $got of $(wc -l <"$work/lo.txt") files" >&2
    exit 1
  fi
  for f in "$work"/lo/*.docx; do mv "$f" "$work/docx/$(basename "$f" .docx).libreoffice.docx"; done
fi

# ---------------------------------------------------------------------------
# 4. Into place.
made="$(find "$work/docx" -name '*.docx' | wc -l)"
if [ "$made" -ne "$count" ]; then
  echo "make-corpus.sh: made $made of $count files" >&2
  exit 1
fi
find "$out" -maxdepth 1 -type f -name '*.docx' -delete
mv "$work"/docx/*.docx "$out"/
echo "make-corpus.sh: wrote $count DOCX résumés to $out"
