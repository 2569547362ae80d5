"""English copy of the demo site: the page tree of the four demo programmes, in outline order.

Written from the facts in the project's course brief (``content/courses.md``). Every page spec
has a ``slug`` that is unique across the demo: ``content_es.TRANSLATIONS`` is keyed by it.
Outline items have a ``kind`` (``module`` or ``session``). Non-text fields (topic, format,
hours, minutes, sensitivity) are set here only; translations copy them.
"""

from courses.models import CourseFormat, Topic

from .stream import callout, link, paragraph, question, quiz, reflection

SITE_SETTINGS = {"organisation_name": "Aula", "contact_email": "hello@aula.example"}

C190_URL = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C190"
C189_URL = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C189"
C156_URL = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C156"

HOME = {
    "slug": "home-en",
    "title": "Aula",
    "intro": (
        "<p>Short professional courses on the care economy and on gender-based violence at "
        "work, for public officials, social partners and care workers across Latin America and "
        "the Caribbean. Study at your own pace, join live sessions with international experts "
        "and earn certificates that name the competencies you have gained.</p>"
    ),
    "listing_summary": (
        "Professional courses on the care economy and on gender-based violence at work."
    ),
}

CATALOGUE = {
    "slug": "courses",
    "title": "Courses",
    "intro": (
        "<p>Blended courses with live sessions, tutored cohort courses, self-paced short "
        "courses you can start at any time, and live webinar series. Filter the catalogue by "
        "topic, language or format.</p>"
    ),
    "listing_summary": "Every course, with its format, effort and duration.",
}


# --- 1. Decent work in the care economy (blended, cohort-based) ------------------------------

CARE_ECONOMY = {
    "slug": "decent-work-care-economy",
    "title": "Decent work in the care economy",
    "listing_summary": (
        "Four weeks, blended: care work paid and unpaid, investment in care, social "
        "protection and transformative care policies, with a live session every week."
    ),
    "summary": (
        "A four-week blended course on care work, paid and unpaid: who does it, why it "
        "matters for the economy, how to finance it, how to protect the people who do it, and "
        "how to design transformative care policies through social dialogue, guided by the 5R "
        "framework."
    ),
    "overview": (
        "<p>Care sustains families, communities and economies. Most of it is unpaid, left out "
        "of economic statistics and done by women; when it is paid, it is often poorly "
        "protected. This course treats care as a question of economic and labour policy, not "
        "only of private life.</p>"
        "<p>The course follows the 5R framework of the 2024 international resolution on decent "
        "work and the care economy: <b>recognise, reduce and redistribute</b> unpaid care work, "
        "and <b>reward and represent</b> care workers. Each week you study one module on your "
        "own and then meet international experts and the other participants in a live virtual "
        "session.</p>"
        "<h3>How the course works</h3>"
        "<ul><li>Four self-guided online modules, one a week.</li>"
        "<li>Four live virtual sessions of 90 minutes, one a week, recorded for those who "
        "cannot attend.</li>"
        "<li>About 20 hours of study in total.</li>"
        "<li>Enrolment by application: a short form with a few questions, reviewed by the "
        "course team.</li></ul>"
    ),
    "audience": (
        "<p>People who shape or deliver care policy, in particular:</p>"
        "<ul><li>officials of ministries of labour and of ministries or mechanisms for gender "
        "equality;</li>"
        "<li>workers' and employers' organisations;</li>"
        "<li>equal-opportunity units and academics;</li>"
        "<li>domestic workers' associations, long-term care workers and nursing staff;</li>"
        "<li>anyone working on care policy.</li></ul>"
    ),
    "topic": Topic.CARE_ECONOMY,
    "format": CourseFormat.BLENDED,
    "effort_hours": 20,
    "duration_weeks": 4,
    "organisers": (
        "An international training centre, together with the gender, equality, diversity and "
        "inclusion branch of an international labour organisation."
    ),
    "outcomes": [
        "Explain what paid and unpaid care work are and why both matter for the economy.",
        "Use the 5R framework to analyse a care policy or programme.",
        "Present the economic case for public investment in care services and care jobs.",
        "Identify gaps in social protection and labour rights for care workers, including "
        "migrant care workers.",
        "Outline the steps to design a transformative care policy through social dialogue.",
    ],
    "competencies": [
        {
            "framework_name": "Regional care-work competency standard (demo)",
            "framework_code": "CUI-01",
            "title": "Care policy analysis",
            "description": "Analyses care policies and programmes with the 5R framework.",
        },
        {
            "framework_name": "Regional care-work competency standard (demo)",
            "framework_code": "CUI-02",
            "title": "Economic case for care",
            "description": "Presents the costs and returns of public investment in care.",
        },
        {
            "framework_name": "Regional care-work competency standard (demo)",
            "framework_code": "CUI-03",
            "title": "Social dialogue on care",
            "description": (
                "Prepares dialogue on care among governments, workers' and employers' "
                "organisations."
            ),
        },
    ],
    "outline": [
        {
            "kind": "module",
            "slug": "care-work-concepts-and-5r",
            "title": "Care work and the care economy: concepts, figures and the 5R framework",
            "introduction": (
                "What counts as care work, who does it, what the figures say, and a framework "
                "for acting on it."
            ),
            "estimated_minutes": 210,
            "body": [
                paragraph(
                    "<h2>What is care work?</h2>"
                    "<p>Care work covers two kinds of activity. <b>Direct care</b> is looking "
                    "after people: feeding a baby, helping an older person to bathe, sitting "
                    "with a sick relative. <b>Indirect care</b> is the work that makes direct "
                    "care possible: cooking, cleaning, washing clothes, fetching water.</p>"
                    "<p>Both can be done without pay, in households and communities, or for pay, "
                    "by nurses, teachers, domestic workers, personal assistants and many other "
                    "care workers. Together, paid and unpaid care make up the <b>care "
                    "economy</b>.</p>"
                    "<h3>Unpaid care work</h3>"
                    "<p>Unpaid care is work: it takes time and effort and it produces something "
                    "of value. Yet the usual measures of output, such as gross domestic product, "
                    "leave it out. Because it is not counted, it is easy to ignore when budgets "
                    "are drawn up. Time-use surveys, which ask people how they spend each hour "
                    "of the day, are the main tool for making it visible.</p>"
                    "<h3>Paid care work</h3>"
                    "<p>Paid care is one of the largest sources of employment in the world, and "
                    "it is growing. Many care jobs are informal, low paid and done by women; "
                    "domestic work in particular relies heavily on migrant women.</p>"
                ),
                callout(
                    "key_fact",
                    "Care in figures",
                    "<ul><li><b>76.2%</b> of all unpaid care work is done by women.</li>"
                    "<li>In 2023, <b>95%</b> of the people who were outside the global labour "
                    "force because of care responsibilities were women.</li>"
                    "<li>The region needs at least <b>19 million</b> additional care jobs by "
                    "2030.</li></ul>",
                ),
                paragraph(
                    "<h2>Why care is a decent work issue</h2>"
                    "<p>When unpaid care falls mostly on women, it limits the hours they can "
                    "work for pay, the jobs they can accept and the pensions they build up. At "
                    "the same time, demand for care is rising as populations age and families "
                    "change. Meeting that demand with decent jobs is an opportunity; meeting it "
                    "with informal, unprotected work reproduces inequality.</p>"
                    "<h2>The 5R framework</h2>"
                    "<p>In 2024 the International Labour Conference adopted a resolution on "
                    "decent work and the care economy. It organises policy around five "
                    "actions:</p>"
                    "<ol><li><b>Recognise</b> unpaid care work: measure it and take it into "
                    "account in policy, for example through pension credits for care.</li>"
                    "<li><b>Reduce</b> the drudgery of unpaid care: water, energy, transport and "
                    "accessible public services.</li>"
                    "<li><b>Redistribute</b> care between women and men, and between households "
                    "and the state: leave policies, childcare, long-term care.</li>"
                    "<li><b>Reward</b> care workers with fair pay, decent conditions and social "
                    "protection.</li>"
                    "<li><b>Represent</b> care workers: freedom of association, collective "
                    "bargaining and a voice in social dialogue.</li></ol>"
                ),
                callout(
                    "activity",
                    "Try it",
                    "<p>Choose one care policy in your country, such as a childcare programme "
                    "or paternity leave. Which of the five Rs does it address? Which does it "
                    "leave out?</p>",
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Which of these activities are care work?",
                            [
                                ("Helping an older relative to bathe", True),
                                ("Cooking the family's meals", True),
                                ("Repairing a customer's car", False),
                                ("Nursing patients in a hospital", True),
                            ],
                            "Care work includes direct care and the indirect tasks that make it "
                            "possible, paid or unpaid. Car repair is work, but not care.",
                        ),
                        question(
                            "What share of unpaid care work is done by women?",
                            [("About half", False), ("62.5%", False), ("76.2%", True)],
                            "Women do 76.2% of all unpaid care work.",
                        ),
                        question(
                            "Which R is about freedom of association and social dialogue for "
                            "care workers?",
                            [
                                ("Recognise", False),
                                ("Redistribute", False),
                                ("Reward", False),
                                ("Represent", True),
                            ],
                        ),
                        question(
                            "Paid paternity leave mainly helps to…",
                            [
                                ("redistribute care between women and men", True),
                                ("reduce the total amount of care a baby needs", False),
                                ("reward paid care workers", False),
                            ],
                            "Leave for fathers shifts part of the care from mothers to fathers.",
                        ),
                    ],
                    pass_mark=75,
                ),
                reflection(
                    "Who does the care work in your household, and how has that changed since "
                    "your parents' generation? What would have to change for it to be shared "
                    "more equally?",
                    "<p>Write 150 to 300 words. Share only what you are comfortable sharing; "
                    "your tutors read your answer.</p>",
                ),
            ],
        },
        {
            "kind": "session",
            "slug": "live-session-care-in-figures",
            "title": "Live session 1: Why care is everyone's business",
            "introduction": (
                "An opening conversation with international experts on care work in the "
                "region and on what the 2024 resolution asks of governments, workers and "
                "employers."
            ),
            "duration_minutes": 90,
            "agenda": (
                "<ul><li>Welcome and introductions (10 min)</li>"
                "<li>Presentation: the care economy in figures (25 min)</li>"
                "<li>Panel: what the 5R framework means for ministries, unions and employers "
                "(35 min)</li>"
                "<li>Questions from participants (20 min)</li></ul>"
            ),
            "speakers": [
                {
                    "name": "Course coordinator",
                    "role": "Host",
                    "organisation": "International training centre",
                },
            ],
            "materials": [
                link("Domestic Workers Convention, 2011 (No. 189)", C189_URL),
            ],
        },
        {
            "kind": "module",
            "slug": "investing-in-care",
            "title": "Investing in care: macroeconomics and financing",
            "introduction": (
                "Why spending on care is an investment, what it returns, and how countries "
                "pay for it."
            ),
            "estimated_minutes": 210,
            "body": [
                paragraph(
                    "<h2>Care as infrastructure</h2>"
                    "<p>Roads and power lines are called infrastructure because every other "
                    "activity depends on them. Care services play the same role: without "
                    "childcare, schools, and care for older people and people with "
                    "disabilities, many adults, most of them women, cannot take paid work. "
                    "Economists therefore speak of <b>care infrastructure</b> and of "
                    "investment in care, not only of social spending.</p>"
                    "<h2>What investment in care returns</h2>"
                    "<p>Public spending on care services has three kinds of return:</p>"
                    "<ul><li><b>Jobs in care</b>: care is labour-intensive, so each unit of "
                    "spending creates many direct jobs.</li>"
                    "<li><b>Jobs elsewhere</b>: parents and family carers, freed from part of "
                    "their unpaid care, can take up paid work.</li>"
                    "<li><b>Revenue</b>: new workers pay taxes and social contributions, which "
                    "recover part of the initial cost.</li></ul>"
                    "<p>Added to these are longer-term gains: children who attend good early "
                    "education, older people who stay healthy and independent for longer.</p>"
                ),
                callout(
                    "key_fact",
                    "The size of the gap",
                    "<p>At least <b>19 million</b> additional care jobs are needed in the "
                    "region by 2030. Whether they are decent jobs depends on how care is "
                    "financed and regulated.</p>",
                ),
                paragraph(
                    "<h2>Paying for care</h2>"
                    "<p>Countries finance care through a mix of sources:</p>"
                    "<ul><li>general taxation, for universal services such as early childhood "
                    "education;</li>"
                    "<li>social insurance contributions, for care leave and long-term care "
                    "insurance;</li>"
                    "<li>co-payments by families, ideally scaled to income so that care does "
                    "not become a privilege;</li>"
                    "<li>employers, for workplace childcare or care leave.</li></ul>"
                    "<h3>Questions to ask of any financing plan</h3>"
                    "<p>Who pays, and is the burden fair? Is the funding stable from one budget "
                    "to the next? Does the plan budget for decent wages, or does it assume that "
                    "care workers will accept low pay?</p>"
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Why do economists call care services infrastructure?",
                            [
                                (
                                    "Because they are always built by ministries of public works",
                                    False,
                                ),
                                ("Because much other economic activity depends on them", True),
                                ("Because they never need public funding", False),
                            ],
                        ),
                        question(
                            "Which of these are returns on public investment in care?",
                            [
                                ("Direct jobs in care services", True),
                                ("More parents able to take paid work", True),
                                ("Taxes and contributions paid by the new workers", True),
                                ("An end to all unpaid care", False),
                            ],
                            "Investment creates jobs and revenue, but some care will always "
                            "remain unpaid and shared within families.",
                        ),
                        question(
                            "A financing plan for care that ignores care workers' wages…",
                            [
                                ("risks building the service on low-paid, unprotected work", True),
                                ("is always cheaper in the long run", False),
                                ("is required by the 5R framework", False),
                            ],
                        ),
                    ],
                ),
                reflection(
                    "If your ministry or organisation had a modest new budget for care, where "
                    "would you invest it first, and what return would you expect?",
                    "<p>Consider who would benefit, how many jobs it could create and how you "
                    "would measure the result.</p>",
                ),
            ],
        },
        {
            "kind": "session",
            "slug": "live-session-financing-care",
            "title": "Live session 2: Financing care systems",
            "introduction": (
                "Experts compare how countries finance care services and discuss what makes "
                "funding fair and sustainable."
            ),
            "duration_minutes": 90,
            "agenda": (
                "<ul><li>Recap of the week and questions on the module (10 min)</li>"
                "<li>Presentation: financing models compared (30 min)</li>"
                "<li>Group work: costing a care service (35 min)</li>"
                "<li>Wrap-up (15 min)</li></ul>"
            ),
            "speakers": [],
            "materials": [],
        },
        {
            "kind": "module",
            "slug": "social-protection-labour-rights-migration",
            "title": "Social protection, labour rights and migration in care work",
            "introduction": (
                "The rights of people who care for others, whether they care for pay, for "
                "their own families, or across borders."
            ),
            "estimated_minutes": 210,
            "body": [
                paragraph(
                    "<h2>Social protection for carers</h2>"
                    "<p>Unpaid carers often interrupt their careers and lose income, "
                    "contributions and, later, pension rights. Social protection can "
                    "compensate: paid maternity, paternity and parental leave; leave to care "
                    "for sick or dependent relatives; pension credits for years spent caring; "
                    "cash benefits for people who need long-term care.</p>"
                    "<h2>Labour rights of care workers</h2>"
                    "<p>Paid care workers are entitled to the same rights as other workers: a "
                    "minimum wage, limits on working hours, rest periods, safe and healthy "
                    "workplaces and the freedom to join a union. In practice, many are excluded "
                    "in law or in fact, especially domestic workers, who work alone in private "
                    "homes.</p>"
                    "<p>The Domestic Workers Convention, 2011 (No. 189) sets out that domestic "
                    "workers have the same basic rights as other workers, including clear "
                    "terms of employment, weekly rest and protection against abuse. The Workers "
                    "with Family Responsibilities Convention, 1981 (No. 156) protects workers "
                    "from discrimination because of their care duties.</p>"
                ),
                callout(
                    "note",
                    "Health and safety in care work",
                    "<p>Lifting, night work, exposure to infection and emotional strain are "
                    "everyday risks in care jobs. Occupational safety and health rules must "
                    "cover care workers, including those who work in private homes.</p>",
                ),
                paragraph(
                    "<h2>Migration and global care chains</h2>"
                    "<p>Many care workers migrate to care for other people's families, often "
                    "leaving their own children or parents in the care of relatives at home. "
                    "These <b>global care chains</b> link households across countries. Migrant "
                    "care workers face particular risks: recruitment fees and debt, documents "
                    "held by employers, visas tied to a single employer, and exclusion from "
                    "social security.</p>"
                    "<h3>What policy can do</h3>"
                    "<ul><li>Fair recruitment, with no fees charged to workers.</li>"
                    "<li>Written contracts in a language the worker understands.</li>"
                    "<li>Portable social security between countries.</li>"
                    "<li>Recognition of qualifications and skills obtained abroad.</li></ul>"
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Which international convention deals specifically with domestic "
                            "workers?",
                            [
                                ("Convention No. 156", False),
                                ("Convention No. 189", True),
                                ("Convention No. 190", False),
                            ],
                        ),
                        question(
                            "Which measures compensate unpaid carers through social protection?",
                            [
                                ("Pension credits for years spent caring", True),
                                ("Paid parental leave", True),
                                ("Longer working hours for carers", False),
                            ],
                        ),
                        question(
                            "Which of these are risks that migrant care workers often face?",
                            [
                                ("Recruitment fees and debt", True),
                                ("Employers keeping their identity documents", True),
                                ("Automatic recognition of their qualifications", False),
                            ],
                        ),
                    ],
                ),
                reflection(
                    "Think of a care worker you know: a domestic worker, a nurse, a carer for "
                    "an older person. Which of the rights in this module do they actually "
                    "enjoy, and which are missing?",
                ),
            ],
        },
        {
            "kind": "session",
            "slug": "live-session-care-workers-rights",
            "title": "Live session 3: Rights and protection for care workers",
            "introduction": (
                "Representatives of workers' and employers' organisations discuss how labour "
                "rights and social protection reach care workers in practice."
            ),
            "duration_minutes": 90,
            "agenda": (
                "<ul><li>Opening (10 min)</li>"
                "<li>Panel: domestic work, long-term care and nursing (40 min)</li>"
                "<li>Questions from participants (30 min)</li>"
                "<li>Preparing the final assignment (10 min)</li></ul>"
            ),
            "speakers": [],
            "materials": [
                link("Workers with Family Responsibilities Convention, 1981 (No. 156)", C156_URL),
            ],
        },
        {
            "kind": "module",
            "slug": "transformative-care-policies",
            "title": "Designing transformative care policies through social dialogue",
            "introduction": (
                "From diagnosis to a policy that changes who cares, and how: the steps, the "
                "actors and the role of social dialogue."
            ),
            "estimated_minutes": 210,
            "body": [
                paragraph(
                    "<h2>What makes a care policy transformative?</h2>"
                    "<p>A care policy is transformative when it does more than fill a gap in "
                    "services. It changes the way care is shared between women and men and "
                    "between families, the state, employers and communities; it creates decent "
                    "jobs; and it respects the rights and autonomy of the people who receive "
                    "care.</p>"
                    "<h2>Steps in designing a policy</h2>"
                    "<ol><li><b>Diagnosis</b>: who needs care, who provides it, and on what "
                    "terms. Time-use surveys and labour force data are the starting point.</li>"
                    "<li><b>Objectives</b>: which of the five Rs the policy pursues, with "
                    "targets.</li>"
                    "<li><b>Design and costing</b>: services, leave, benefits, regulation, and "
                    "their financing.</li>"
                    "<li><b>Coordination</b>: care cuts across ministries of labour, health, "
                    "education, social development and finance, and across levels of "
                    "government.</li>"
                    "<li><b>Monitoring</b>: indicators, and a review after an agreed time.</li>"
                    "</ol>"
                ),
                callout(
                    "note",
                    "Why social dialogue?",
                    "<p>Policies agreed with workers' and employers' organisations last "
                    "longer and work better: those who provide and pay for care help to shape "
                    "it, and care workers gain a voice in the conditions of their jobs.</p>",
                ),
                paragraph(
                    "<h2>Social dialogue in practice</h2>"
                    "<p>Social dialogue can take many forms: tripartite councils that advise on "
                    "a national care system, collective bargaining that improves pay and "
                    "conditions in care, or agreements in workplaces on flexible working time "
                    "and care leave. For dialogue to be meaningful, the care workers who are "
                    "least organised, such as domestic workers, need support to organise and "
                    "be represented.</p>"
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "What is usually the first step in designing a care policy?",
                            [
                                ("A diagnosis of care needs and of who provides care", True),
                                ("An advertising campaign", False),
                                ("Choosing the buildings for new care centres", False),
                            ],
                        ),
                        question(
                            "Which ministries are typically involved in a national care policy?",
                            [
                                ("Labour", True),
                                ("Health", True),
                                ("Finance", True),
                                ("Only the ministry for women", False),
                            ],
                            "Care cuts across many sectors; coordination is part of the design.",
                        ),
                        question(
                            "Social dialogue on care includes…",
                            [
                                ("collective bargaining in the care sector", True),
                                ("tripartite councils that advise on a care system", True),
                                ("decisions taken by government alone", False),
                            ],
                        ),
                    ],
                ),
                reflection(
                    "Sketch a transformative care policy for your country or organisation: "
                    "which need it addresses, which of the five Rs it pursues, who pays, and "
                    "who should sit at the table to agree it.",
                    "<p>This reflection is your final assignment. Your tutor will comment on "
                    "it before the last live session.</p>",
                ),
            ],
        },
        {
            "kind": "session",
            "slug": "live-session-social-dialogue-on-care",
            "title": "Live session 4: Social dialogue on care: closing session",
            "introduction": (
                "Participants present their policy sketches and discuss them with experts and "
                "with one another."
            ),
            "duration_minutes": 90,
            "agenda": (
                "<ul><li>Presentations of participants' policy sketches (50 min)</li>"
                "<li>Comments from the expert panel (25 min)</li>"
                "<li>Course evaluation and closing (15 min)</li></ul>"
            ),
            "speakers": [],
            "materials": [],
        },
    ],
}


# --- 2. Gender-based violence at work (tutored cohort course) --------------------------------

GENDER_VIOLENCE = {
    "slug": "gender-based-violence-at-work",
    "title": "Gender-based violence at work",
    "listing_summary": (
        "A ten-week tutored course for officials of ministries of labour on identifying, "
        "preventing, attending to and sanctioning gender-based violence at work."
    ),
    "summary": (
        "A ten-week tutored course for officials of ministries of labour: the conceptual "
        "framework of gender-based violence at work, the role of ministries in identifying, "
        "preventing, attending to and sanctioning it, and good practices from the region."
    ),
    "overview": (
        "<p>Violence and harassment at work harm people's health, dignity and careers, and "
        "gender-based violence affects women in particular. Since the adoption of the "
        "Violence and Harassment Convention, 2019 (No. 190), ministries of labour have a clear "
        "international reference for their work on prevention, protection and remedies.</p>"
        "<p>This course prepares officials to act on it. It combines asynchronous modules "
        "with live sessions, and a tutor accompanies every cohort from start to finish.</p>"
        "<h3>How the course works</h3>"
        "<ul><li>Four modules over ten weeks, about 50 hours of study.</li>"
        "<li>Two live sessions with the whole cohort.</li>"
        "<li>A tutor who follows your progress and reads your reflections.</li>"
        "<li>Enrolment for officials nominated by their ministry.</li></ul>"
        "<p>The Spanish edition was launched in October 2021 and the English edition in March "
        "2022. Over the first editions, 75 officials from 27 ministries of labour took "
        "part.</p>"
    ),
    "audience": (
        "<p>Officials of ministries of labour, including labour inspectors and staff of "
        "gender and equality units. Places are reserved for officials nominated by their "
        "ministry, who receive an invitation code.</p>"
    ),
    "topic": Topic.GENDER_VIOLENCE,
    "format": CourseFormat.TUTORED,
    "effort_hours": 50,
    "duration_weeks": 10,
    "organisers": (
        "A regional labour-administration network of the ministries of labour of the "
        "Americas, with a regional women's commission. Hosted on an educational portal."
    ),
    "is_sensitive": True,
    # Verification pages, calendars and emails name the course by this neutral title.
    "public_title": "Professional course on respectful workplaces",
    "content_note": (
        "<p>This course deals with violence and harassment, including sexual harassment. Some "
        "of the material may be distressing, and some participants may have lived through "
        "similar situations. Take breaks when you need to, and tell your tutor if an "
        "activity is not right for you. The quick exit button leaves this site at once. If "
        "you are in immediate danger, contact your local emergency services.</p>"
    ),
    "support_links": [
        {
            "title": "UN Women",
            "url": "https://www.unwomen.org/en",
            "description": "Information on ending violence against women worldwide.",
        },
        {
            "title": "World Health Organization: violence against women",
            "url": "https://www.who.int/news-room/fact-sheets/detail/violence-against-women",
            "description": "Key facts, and the health care and support survivors need.",
        },
        {
            "title": "Inter-American Commission of Women",
            "url": "https://www.oas.org/en/cim/",
            "description": "The hemisphere's forum for women's rights and gender equality.",
        },
        {
            "title": "Violence and Harassment Convention, 2019 (No. 190)",
            "url": C190_URL,
            "description": "The text of the convention and the countries that ratified it.",
        },
    ],
    "outcomes": [
        "Define violence and harassment in the world of work, including gender-based "
        "violence, as set out in Convention No. 190.",
        "Recognise the forms it takes, including online harassment in telework.",
        "Describe the role of a ministry of labour in identifying, preventing, attending to "
        "and sanctioning gender-based violence at work.",
        "Assess a workplace policy or protocol against good practice.",
        "Draft an action plan for your ministry.",
    ],
    "competencies": [
        {
            "title": "Identifying gender-based violence at work",
            "description": "Recognises violence and harassment and the risk factors behind it.",
        },
        {
            "title": "Prevention and labour inspection",
            "description": (
                "Plans prevention, inspection and sanctions within a ministry of labour."
            ),
        },
        {
            "title": "Survivor-centred attention",
            "description": (
                "Handles complaints confidentially and refers survivors to support services."
            ),
        },
    ],
    "outline": [
        {
            "kind": "module",
            "slug": "gbv-conceptual-framework",
            "title": "Conceptual framework of gender-based violence at work",
            "introduction": (
                "Key concepts, the forms violence and harassment take at work, and the "
                "international framework of Convention No. 190."
            ),
            "estimated_minutes": 600,
            "body": [
                callout(
                    "content_note",
                    "Content note",
                    "<p>This module describes forms of violence and harassment, including "
                    "sexual harassment. Read at your own pace and take a break whenever you "
                    "need one.</p>",
                ),
                paragraph(
                    "<h2>Key concepts</h2>"
                    "<p><b>Violence and harassment</b> in the world of work covers a range of "
                    "unacceptable behaviours and practices, and threats of them, that aim at, "
                    "result in or are likely to result in physical, psychological, sexual or "
                    "economic harm. A single incident can be enough; it does not have to be "
                    "repeated.</p>"
                    "<p><b>Gender-based violence and harassment</b> is directed at people "
                    "because of their sex or gender, or affects people of a particular sex or "
                    "gender disproportionately. It includes sexual harassment.</p>"
                    "<h3>Forms it takes</h3>"
                    "<ul><li>Physical violence and threats.</li>"
                    "<li>Psychological violence: humiliation, isolation, constant "
                    "belittling.</li>"
                    "<li>Sexual harassment: unwanted comments, contact or demands of a sexual "
                    "nature.</li>"
                    "<li>Economic violence: withholding pay or opportunities.</li></ul>"
                ),
                callout(
                    "key_fact",
                    "Convention No. 190",
                    "<p>The Violence and Harassment Convention, 2019 (No. 190) was the first "
                    "international treaty to recognise the right of everyone to a world of "
                    "work free from violence and harassment, including gender-based violence "
                    "and harassment.</p>",
                ),
                paragraph(
                    "<h2>Who and where it protects</h2>"
                    "<p>The Convention protects workers whatever their contract, as well as "
                    "interns, apprentices, volunteers, job seekers and people whose employment "
                    "has ended. It covers the workplace itself, and also journeys to and from "
                    "work, work-related trips and events, employer-provided accommodation and "
                    "work-related communications.</p>"
                    "<h3>New forms: harassment in telework</h3>"
                    "<p>With telework, harassment has followed work online: abusive messages, "
                    "unwanted contact outside working hours, humiliating comments in video "
                    "calls, or images shared without consent. Because the Convention covers "
                    "work-related communications, including those enabled by information and "
                    "communication technologies, online harassment is within its scope.</p>"
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Under Convention No. 190, must behaviour be repeated to count as "
                            "violence or harassment?",
                            [
                                ("Yes, it must be repeated over time", False),
                                ("No, a single occurrence can be enough", True),
                            ],
                        ),
                        question(
                            "Who is protected by the Convention?",
                            [
                                ("Employees with a contract", True),
                                ("Interns and volunteers", True),
                                ("Job seekers", True),
                                ("Only workers in the formal economy", False),
                            ],
                        ),
                        question(
                            "A supervisor sends a worker humiliating messages late at night "
                            "through a chat application. Is this covered?",
                            [
                                ("Yes: work-related communications are covered", True),
                                ("No: it happened outside the workplace", False),
                                ("No: it happened outside working hours", False),
                            ],
                        ),
                        question(
                            "Which of these are forms of gender-based violence and harassment "
                            "at work?",
                            [
                                ("Unwanted sexual comments", True),
                                ("Denying promotion because a worker is pregnant", True),
                                ("A fair performance review", False),
                            ],
                        ),
                    ],
                    pass_mark=75,
                ),
                reflection(
                    "Which forms of violence and harassment described in this module do you "
                    "think are most common in workplaces in your country? What makes them hard "
                    "to see?",
                    "<p>Do not name real people or workplaces. Your tutor reads your answer.</p>",
                ),
            ],
        },
        {
            "kind": "session",
            "slug": "gbv-opening-live-session",
            "title": "Live session: opening of the cohort",
            "introduction": (
                "Meet your tutor and the other officials in your cohort, and discuss the "
                "conceptual framework together."
            ),
            "duration_minutes": 120,
            "agenda": (
                "<ul><li>Welcome by the organisers (15 min)</li>"
                "<li>Introductions: each ministry in one minute (30 min)</li>"
                "<li>Presentation: Convention No. 190 and the role of ministries of labour "
                "(40 min)</li>"
                "<li>Questions and how the course works (35 min)</li></ul>"
            ),
            "speakers": [
                {
                    "name": "Cohort tutor",
                    "role": "Tutor",
                    "organisation": "Regional labour-administration network",
                },
            ],
            "materials": [link("Violence and Harassment Convention, 2019 (No. 190)", C190_URL)],
        },
        {
            "kind": "module",
            "slug": "role-of-ministries-of-labour",
            "title": (
                "The role of ministries of labour in identifying, preventing, attending to and "
                "sanctioning gender-based violence"
            ),
            "introduction": (
                "The four functions of a ministry of labour, and the tools it has for each."
            ),
            "estimated_minutes": 900,
            "body": [
                paragraph(
                    "<h2>Four functions</h2>"
                    "<p>Ministries of labour act on gender-based violence at work in four "
                    "ways, which work best together.</p>"
                    "<h3>1. Identify</h3>"
                    "<p>Collect data on violence and harassment, through surveys, complaints "
                    "and inspection records, broken down by sex and sector, so that policy is "
                    "based on evidence. Train labour inspectors to recognise the signs.</p>"
                    "<h3>2. Prevent</h3>"
                    "<p>Set out employers' duties in law and guidance: a workplace policy, "
                    "risk assessment that includes psychosocial risks, training and "
                    "information for workers. Run awareness campaigns with workers' and "
                    "employers' organisations.</p>"
                    "<h3>3. Attend to</h3>"
                    "<p>Offer safe, accessible and confidential channels for complaints, "
                    "protect complainants and witnesses from retaliation, and refer survivors "
                    "to health, psychological, legal and social services.</p>"
                    "<h3>4. Sanction</h3>"
                    "<p>Inspect, and where the law is broken, impose sanctions and require "
                    "remedies. Sanctions that are known and applied are themselves a means of "
                    "prevention.</p>"
                ),
                callout(
                    "note",
                    "Working with others",
                    "<p>No ministry acts alone. Coordination with ministries and mechanisms for "
                    "women, the justice system, health services and social partners turns four "
                    "separate functions into one path for the survivor.</p>",
                ),
                paragraph(
                    "<h2>Labour inspection</h2>"
                    "<p>Inspectors are often the only representatives of the state who enter a "
                    "workplace. To act on violence and harassment they need a clear mandate, "
                    "training on gender and on interviewing people who may be traumatised, and "
                    "protocols that protect confidentiality. Inspections can check whether an "
                    "employer has a policy, has assessed the risks and has handled complaints "
                    "properly.</p>"
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Which are ways in which a ministry of labour can identify "
                            "gender-based violence at work?",
                            [
                                ("Surveys and data broken down by sex", True),
                                ("Analysis of complaints and inspection records", True),
                                ("Waiting until cases reach the media", False),
                            ],
                        ),
                        question(
                            "Protecting complainants from retaliation belongs mainly to which "
                            "function?",
                            [
                                ("Identify", False),
                                ("Attend to", True),
                                ("Sanction", False),
                            ],
                        ),
                        question(
                            "Why are sanctions also a means of prevention?",
                            [
                                ("Because known and applied sanctions deter violence", True),
                                ("Because they replace workplace policies", False),
                                ("Because they make complaints unnecessary", False),
                            ],
                        ),
                    ],
                ),
                reflection(
                    "Of the four functions, which does your ministry perform best today, and "
                    "which needs the most work? Give one concrete example.",
                ),
            ],
        },
        {
            "kind": "module",
            "slug": "good-practices-prevention",
            "title": "Good practices to prevent and address violence against women at work",
            "introduction": (
                "What works: workplace policies, protocols, training and support for "
                "survivors, illustrated by the kinds of practices ministries have shared."
            ),
            "estimated_minutes": 780,
            "body": [
                callout(
                    "content_note",
                    "Content note",
                    "<p>The scenario in this module describes a case of sexual harassment. "
                    "You can skip it and go straight to the quiz.</p>",
                ),
                paragraph(
                    "<h2>A workplace policy that works</h2>"
                    "<p>A good workplace policy on violence and harassment is agreed with "
                    "workers and their representatives, says clearly that violence and "
                    "harassment will not be tolerated, explains how to report, sets out what "
                    "happens after a report and who is responsible, and guarantees "
                    "confidentiality and protection against retaliation.</p>"
                    "<h2>Protocols for complaints</h2>"
                    "<p>A protocol turns the policy into steps: who receives a complaint, how "
                    "quickly it is handled, how the person who complained is protected while "
                    "the case is investigated, and how the outcome is communicated. Good "
                    "protocols offer more than one channel, so that no one has to report to "
                    "the person they are complaining about.</p>"
                    "<h2>Domestic violence and the world of work</h2>"
                    "<p>Violence at home follows survivors to work: absences, lower "
                    "performance, a partner who turns up at the workplace. Convention No. 190 "
                    "asks that its effects on the world of work be recognised and mitigated, "
                    "for example through leave for survivors, flexible working arrangements "
                    "and temporary protection from dismissal.</p>"
                ),
                callout(
                    "activity",
                    "Scenario",
                    "<p>A worker tells her supervisor that a colleague keeps sending her "
                    "messages with sexual content. The supervisor tells her to ignore them. "
                    "Using the elements above, list what a good protocol would have required "
                    "instead.</p>",
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "A good complaints protocol…",
                            [
                                ("offers more than one reporting channel", True),
                                ("guarantees confidentiality", True),
                                ("requires the complainant to confront the harasser", False),
                            ],
                        ),
                        question(
                            "Which measures help mitigate the effects of domestic violence on "
                            "work?",
                            [
                                ("Leave for survivors", True),
                                ("Flexible working arrangements", True),
                                ("Dismissal for absences", False),
                            ],
                        ),
                        question(
                            "A workplace policy on violence and harassment should be…",
                            [
                                ("agreed with workers and their representatives", True),
                                ("kept confidential from workers", False),
                            ],
                        ),
                    ],
                ),
                reflection(
                    "Describe a good practice from your ministry or country that other "
                    "ministries could learn from, or one you would like to introduce.",
                    "<p>You will present it briefly in the next live session.</p>",
                ),
            ],
        },
        {
            "kind": "session",
            "slug": "gbv-good-practices-exchange",
            "title": "Live session: exchange of good practices between ministries",
            "introduction": (
                "Officials present practices from their ministries and discuss what made them work."
            ),
            "duration_minutes": 120,
            "agenda": (
                "<ul><li>Presentations by participants, five minutes each (60 min)</li>"
                "<li>Discussion: what can be transferred, and how (45 min)</li>"
                "<li>Next steps towards the final evaluation (15 min)</li></ul>"
            ),
            "speakers": [],
            "materials": [],
        },
        {
            "kind": "module",
            "slug": "gbv-conclusions-and-evaluation",
            "title": "Conclusions and evaluation",
            "introduction": (
                "Bring the course together in an action plan for your ministry, and complete "
                "the final evaluation."
            ),
            "estimated_minutes": 480,
            "body": [
                paragraph(
                    "<h2>What we have covered</h2>"
                    "<p>Gender-based violence at work is a violation of human rights and a "
                    "threat to equal opportunities. Convention No. 190 gives ministries of "
                    "labour a common framework; their four functions of identifying, "
                    "preventing, attending to and sanctioning give it effect; and good "
                    "practices show that change is possible with the will and the tools.</p>"
                    "<h2>Your action plan</h2>"
                    "<p>An action plan turns what you have learned into commitments. Keep it "
                    "short and concrete:</p>"
                    "<ol><li>One problem you want to address in your ministry.</li>"
                    "<li>Two or three actions, with who is responsible for each.</li>"
                    "<li>The allies you need inside and outside the ministry.</li>"
                    "<li>How you will know it has worked.</li></ol>"
                ),
                quiz(
                    "Final evaluation",
                    [
                        question(
                            "What is the scope of Convention No. 190?",
                            [
                                ("The world of work, including work-related communications", True),
                                ("Only the physical workplace", False),
                                ("Only the public sector", False),
                            ],
                        ),
                        question(
                            "Which are the four functions of a ministry of labour covered in "
                            "this course?",
                            [
                                ("Identify, prevent, attend to and sanction", True),
                                ("Hire, train, promote and dismiss", False),
                            ],
                        ),
                        question(
                            "Which belong in a good complaints protocol?",
                            [
                                ("Protection against retaliation", True),
                                ("Clear deadlines for handling complaints", True),
                                ("A single channel through the direct supervisor", False),
                            ],
                        ),
                        question(
                            "Online harassment during telework…",
                            [
                                ("is within the scope of Convention No. 190", True),
                                ("is a private matter outside labour law", False),
                            ],
                        ),
                        question(
                            "Which can mitigate the effects of domestic violence at work?",
                            [
                                ("Leave for survivors", True),
                                ("Temporary protection from dismissal", True),
                                ("Ignoring repeated absences without asking why", False),
                            ],
                        ),
                    ],
                    pass_mark=80,
                ),
                reflection(
                    "Write your action plan: the problem, two or three actions with those "
                    "responsible, your allies, and how you will measure success.",
                    "<p>Your tutor will give you feedback on your plan.</p>",
                ),
            ],
        },
    ],
}


# --- 3. Introduction to gender, diversity and human rights (self-paced) ----------------------

GENDER_RIGHTS = {
    "slug": "intro-gender-diversity-human-rights",
    "title": "Introduction to gender, diversity and human rights",
    "listing_summary": (
        "A self-paced short course: basic concepts, human rights frameworks, and "
        "intersectionality. Start any time; no tutor, no dates."
    ),
    "summary": (
        "A short self-paced course on the basic concepts of sex, gender and diversity, the "
        "human rights frameworks that protect equality, and how intersectionality and "
        "gender-based analysis help to design fairer policies. Start whenever you like."
    ),
    "overview": (
        "<p>Gender equality and respect for diversity are commitments that every country "
        "in the region has made. This course gives you the shared vocabulary and the "
        "frameworks behind them, in three short modules.</p>"
        "<h3>How the course works</h3>"
        "<ul><li>Three modules, about two hours each.</li>"
        "<li>No tutor and no dates: enrol and start at any time.</li>"
        "<li>A certificate when you have completed every module and passed its quiz.</li></ul>"
        "<p>A sibling short course on gender-based analysis (GBA+) is offered in the same "
        "network, for those who want to go further.</p>"
    ),
    "audience": (
        "<p>Anyone who wants a clear introduction: public officials, staff of workers' and "
        "employers' organisations, students and members of civil society.</p>"
    ),
    "topic": Topic.GENDER_RIGHTS,
    "format": CourseFormat.SELF_PACED,
    "effort_hours": 6,
    "duration_weeks": None,
    "organisers": "A regional network for gender equality training.",
    "outcomes": [
        "Distinguish sex, gender, gender identity and sexual orientation.",
        "Name the main international and regional human rights instruments on equality.",
        "Explain intersectionality and apply a simple gender-based analysis to a policy.",
    ],
    "competencies": [
        {
            "title": "Gender and diversity concepts",
            "description": "Uses the basic concepts of gender and diversity accurately.",
        },
        {
            "title": "Rights-based approach",
            "description": "Relates everyday situations to human rights obligations.",
        },
    ],
    "outline": [
        {
            "kind": "module",
            "slug": "basic-concepts-sex-gender-diversity",
            "title": "Basic concepts: sex, gender and diversity",
            "introduction": "The vocabulary of gender and diversity, explained simply.",
            "estimated_minutes": 120,
            "body": [
                paragraph(
                    "<h2>Sex and gender</h2>"
                    "<p><b>Sex</b> refers to biological characteristics, such as chromosomes, "
                    "hormones and anatomy. <b>Gender</b> refers to the roles, behaviours and "
                    "expectations that a society attaches to being a woman or a man. Sex is "
                    "largely given; gender is learned, and it changes over time and from one "
                    "society to another.</p>"
                    "<h3>Gender roles and stereotypes</h3>"
                    "<p>Gender roles decide, for example, who is expected to look after "
                    "children and who is expected to earn a living. Stereotypes turn these "
                    "expectations into assumptions about what women and men can or should do, "
                    "and they limit everyone's choices.</p>"
                    "<h2>Gender identity and sexual orientation</h2>"
                    "<p><b>Gender identity</b> is a person's own, deeply felt sense of their "
                    "gender, which may or may not match the sex assigned at birth. <b>Sexual "
                    "orientation</b> is about whom a person is attracted to. They are "
                    "different things.</p>"
                    "<h2>Diversity</h2>"
                    "<p>Diversity means recognising the many differences between people: "
                    "age, disability, ethnicity, language, migration status, religion, "
                    "sexual orientation and gender identity, among others. An inclusive "
                    "organisation values these differences and removes the barriers they "
                    "can bring.</p>"
                ),
                callout(
                    "note",
                    "Equality and equity",
                    "<p><b>Equality</b> is the goal: equal rights, responsibilities and "
                    "opportunities. <b>Equity</b> is one way to get there: treating people "
                    "according to their needs so that starting points do not decide "
                    "outcomes.</p>",
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Which of these statements describe gender rather than sex?",
                            [
                                ("Expecting women to do most of the housework", True),
                                ("Chromosomes and hormones", False),
                                ("Roles that change from one society to another", True),
                            ],
                        ),
                        question(
                            "Gender identity and sexual orientation are…",
                            [
                                ("two different things", True),
                                ("two words for the same thing", False),
                            ],
                        ),
                        question(
                            "Treating people according to their needs so that starting "
                            "points do not decide outcomes is called…",
                            [("equity", True), ("equality", False), ("diversity", False)],
                        ),
                    ],
                    pass_mark=70,
                ),
                reflection(
                    "Think of a gender stereotype you grew up with. How has it affected your "
                    "choices, or those of people around you?",
                ),
            ],
        },
        {
            "kind": "module",
            "slug": "human-rights-frameworks",
            "title": "Human rights frameworks for equality",
            "introduction": (
                "The international and regional instruments that protect equality and "
                "non-discrimination."
            ),
            "estimated_minutes": 120,
            "body": [
                paragraph(
                    "<h2>A foundation: equal dignity and rights</h2>"
                    "<p>The Universal Declaration of Human Rights of 1948 opens by stating "
                    "that all human beings are born free and equal in dignity and rights. "
                    "Later treaties turned this principle into obligations for the states "
                    "that ratify them.</p>"
                    "<h2>International instruments</h2>"
                    "<ul><li>The <b>Convention on the Elimination of All Forms of "
                    "Discrimination against Women</b> (CEDAW, 1979) obliges states to "
                    "eliminate discrimination against women in every area of life.</li>"
                    "<li>International labour conventions protect equality at work: equal "
                    "remuneration for work of equal value (No. 100, 1951), non-discrimination "
                    "in employment and occupation (No. 111, 1958), workers with family "
                    "responsibilities (No. 156, 1981) and violence and harassment (No. 190, "
                    "2019).</li></ul>"
                    "<h2>In the Americas</h2>"
                    "<p>The <b>Inter-American Convention on the Prevention, Punishment and "
                    "Eradication of Violence against Women</b>, known as the Convention of "
                    "Belém do Pará (1994), was the first treaty to recognise the right of "
                    "women to a life free of violence, in public and in private.</p>"
                ),
                callout(
                    "key_fact",
                    "Three kinds of obligation",
                    "<p>States must <b>respect</b> rights (not violate them), <b>protect</b> "
                    "them (prevent others from violating them) and <b>fulfil</b> them (take "
                    "positive steps so that people can enjoy them).</p>",
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Which treaty deals with discrimination against women in every "
                            "area of life?",
                            [("CEDAW", True), ("Convention No. 100", False)],
                        ),
                        question(
                            "Which labour conventions concern equality at work?",
                            [
                                ("No. 100 on equal remuneration", True),
                                ("No. 111 on discrimination", True),
                                ("No. 156 on workers with family responsibilities", True),
                            ],
                        ),
                        question(
                            "Preventing private employers from discriminating is an example "
                            "of the obligation to…",
                            [("respect", False), ("protect", True), ("fulfil", False)],
                        ),
                        question(
                            "The Convention of Belém do Pará is…",
                            [
                                ("an inter-American treaty on violence against women", True),
                                ("a global treaty on equal pay", False),
                            ],
                        ),
                    ],
                    pass_mark=75,
                ),
            ],
        },
        {
            "kind": "module",
            "slug": "intersectionality-and-gender-analysis",
            "title": "Intersectionality and gender-based analysis",
            "introduction": (
                "Why identities combine, and a simple method to check who a policy reaches."
            ),
            "estimated_minutes": 120,
            "body": [
                paragraph(
                    "<h2>Intersectionality</h2>"
                    "<p>People do not experience discrimination one identity at a time. An "
                    "older Indigenous woman who works as a domestic worker may face barriers "
                    "that neither a young Indigenous man nor an older woman in an office job "
                    "would face. <b>Intersectionality</b>, a term introduced by the legal "
                    "scholar Kimberlé Crenshaw in 1989, names this: forms of discrimination "
                    "combine and create experiences of their own.</p>"
                    "<h2>Gender-based analysis</h2>"
                    "<p>Gender-based analysis asks how a policy, programme or service affects "
                    'different groups of women, men and gender-diverse people. The "plus" in '
                    "GBA+ is a reminder to look beyond gender at other factors such as age, "
                    "disability, ethnicity, income and place of residence.</p>"
                    "<h3>Four questions to start with</h3>"
                    "<ol><li>Who is the policy for, and who is left out?</li>"
                    "<li>What data do we have, broken down by sex and other factors?</li>"
                    "<li>What barriers could stop some groups from benefiting?</li>"
                    "<li>What would we change to remove them?</li></ol>"
                ),
                callout(
                    "activity",
                    "Try it",
                    "<p>Take a training programme for unemployed people held on weekday "
                    "evenings in the city centre. Using the four questions, who might it "
                    "leave out?</p>",
                ),
                quiz(
                    "Check your understanding",
                    [
                        question(
                            "Intersectionality means that…",
                            [
                                ("forms of discrimination combine and interact", True),
                                ("only one identity matters at a time", False),
                            ],
                        ),
                        question(
                            'The "plus" in GBA+ reminds us to consider…',
                            [
                                ("age, disability, ethnicity and other factors", True),
                                ("only the sex of the people affected", False),
                            ],
                        ),
                        question(
                            "Evening classes in the city centre may leave out…",
                            [
                                ("people with care responsibilities in the evening", True),
                                ("people living in rural areas", True),
                                ("nobody, since the classes are free", False),
                            ],
                        ),
                    ],
                    pass_mark=70,
                ),
                reflection(
                    "Apply the four questions to a service you know well. What did you discover?",
                    "<p>This course has no tutor: your reflection is for you, and it stays in "
                    "your learning record.</p>",
                ),
            ],
        },
    ],
}


# --- 4. Professionalising care, transforming the region (live webinar series) ----------------

CARE_PROFESSIONS = {
    "slug": "professionalising-care-series",
    "title": "Professionalising care, transforming the region",
    "listing_summary": (
        "A live webinar series on common competency standards, occupational profiles and "
        "certification for care work. Attend live or watch the recordings."
    ),
    "summary": (
        "A series of live videoconferences on professionalising care work in the region: "
        "common competency standards, occupational profiles, training pathways and the "
        "certification of care workers' competencies. Attend live or watch the recordings."
    ),
    "overview": (
        "<p>Care workers learn much of their job by doing it, yet their skills often go "
        "unrecognised. Countries across the region are working towards common competency "
        "standards and portable certification, so that care work is valued as the skilled "
        "work it is.</p>"
        "<p>This series brings together the people building these systems. It is run by a "
        "regional vocational-training centre and a regional network for training and "
        "certification in care, which since late 2021 has brought together 55 members from 18 "
        "institutions in 13 countries.</p>"
        "<h3>How the series works</h3>"
        "<ul><li>Register once for the whole series.</li>"
        "<li>Attend the sessions live, or watch the recordings afterwards.</li>"
        "<li>Attendance earns a certificate of participation; there are no quizzes.</li></ul>"
    ),
    "audience": (
        "<p>Vocational training and certification institutions, ministries of labour, "
        "care-service providers, care workers and their organisations.</p>"
    ),
    "topic": Topic.CARE_PROFESSIONS,
    "format": CourseFormat.LIVE_SERIES,
    "effort_hours": 6,
    "duration_weeks": 12,
    "organisers": (
        "A regional vocational-training centre and a regional network for training and "
        "certification in care (55 members from 18 institutions in 13 countries)."
    ),
    "outcomes": [
        "Explain the role of competency standards and occupational profiles in care work.",
        "Compare approaches to certifying care workers' competencies in the region.",
        "Identify steps towards portable, mutually recognised certification.",
    ],
    "competencies": [
        {
            "title": "Competency standards for care",
            "description": "Knows how care competency standards are developed and used.",
        },
    ],
    "outline": [
        {
            "kind": "session",
            "slug": "enhancing-care-common-standards",
            "title": "Enhancing care: towards common standards from a regional perspective",
            "introduction": (
                "The launch session of the series, held in Montevideo and "
                "broadcast live: common competency standards and occupational profiles for "
                "care work."
            ),
            "duration_minutes": 120,
            "agenda": (
                "<ul><li>Opening by the organisers</li>"
                "<li>Forecasting the demand for care jobs</li>"
                "<li>Certifying care competencies: an experience from Mexico</li>"
                "<li>Regional qualification frameworks</li>"
                "<li>Questions from the audience and closing</li></ul>"
            ),
            "speakers": [
                {
                    "name": "Speaker from the Ministry of Labour and Social Security",
                    "role": "Forecasting the demand for care jobs",
                    "organisation": "Ministry of Labour and Social Security, Uruguay",
                },
                {
                    "name": "Speaker from the national competency-standards body",
                    "role": "Certification of care competencies",
                    "organisation": "National competency-standards body, Mexico",
                },
                {
                    "name": "Speaker from an international partnerships unit",
                    "role": "Regional qualification frameworks",
                    "organisation": "International partnerships unit",
                },
            ],
            "materials": [],
        },
        {
            "kind": "session",
            "slug": "occupational-profiles-for-care",
            "title": "Occupational profiles for care: from tasks to training pathways",
            "introduction": (
                "How an occupational profile describes what a care worker does, and how "
                "training institutions build courses and career pathways on it."
            ),
            "duration_minutes": 120,
            "agenda": (
                "<ul><li>What an occupational profile contains</li>"
                "<li>Profiles for childcare, long-term care and support for people with "
                "disabilities</li>"
                "<li>From profile to training programme</li>"
                "<li>Questions from the audience</li></ul>"
            ),
            "speakers": [
                {
                    "name": "Members of the regional care network",
                    "role": "Panel",
                    "organisation": "Regional network for training and certification in care",
                },
            ],
            "materials": [],
        },
        {
            "kind": "session",
            "slug": "certifying-care-competencies",
            "title": "Certifying what care workers know: recognition of prior learning",
            "introduction": (
                "Many care workers learned their job without formal training. This session "
                "looks at how their experience can be assessed and certified, and how "
                "certificates can travel across borders."
            ),
            "duration_minutes": 120,
            "agenda": (
                "<ul><li>Recognition of prior learning: principles</li>"
                "<li>Assessing competencies in the workplace</li>"
                "<li>Towards mutual recognition of certificates between countries</li>"
                "<li>Closing of the series</li></ul>"
            ),
            "speakers": [
                {
                    "name": "Members of the regional care network",
                    "role": "Panel",
                    "organisation": "Regional network for training and certification in care",
                },
            ],
            "materials": [],
        },
    ],
}

COURSES = [CARE_ECONOMY, GENDER_VIOLENCE, GENDER_RIGHTS, CARE_PROFESSIONS]
