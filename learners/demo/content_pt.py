"""Portuguese copy of the demo site (Brazilian spelling, formal and impersonal register).

Like ``content_es.TRANSLATIONS``, ``TRANSLATIONS`` is keyed by the slug of the English page
(``content_en``) and holds the Portuguese slug, title, text fields, ordered inlines and
StreamField bodies of the translation. Portuguese covers the home page, the catalogue and the
self-paced course with its modules; the other courses are not translated into Portuguese.
Quiz answers are in the same order, with the same correct answers, as in English.
"""

from .stream import callout, paragraph, question, quiz, reflection

CHECK = "Verifique o que aprendeu"

TRANSLATIONS: dict[str, dict] = {}

TRANSLATIONS["home-en"] = {
    "slug": "home-pt",
    "title": "Aula",
    "intro": (
        "<p>Cursos profissionais breves sobre a economia do cuidado e a violência de gênero no "
        "trabalho, para servidores públicos, interlocutores sociais e trabalhadoras e "
        "trabalhadores do cuidado da América Latina e do Caribe. Estude no seu ritmo, "
        "participe de sessões ao vivo com especialistas internacionais e obtenha certificados "
        "que indicam as competências adquiridas.</p>"
    ),
    "listing_summary": (
        "Cursos profissionais sobre a economia do cuidado e a violência de gênero no trabalho."
    ),
}

TRANSLATIONS["courses"] = {
    "slug": "courses",
    "title": "Cursos",
    "intro": (
        "<p>Cursos híbridos com sessões ao vivo, cursos por turmas com tutoria, cursos breves "
        "autoinstrucionais que podem ser iniciados a qualquer momento e séries de webinários "
        "ao vivo. Filtre o catálogo por tema, idioma ou modalidade. Em português, o catálogo "
        "oferece por enquanto o curso autoinstrucional; os demais cursos estão em espanhol e "
        "em inglês.</p>"
    ),
    "listing_summary": "Todos os cursos, com a modalidade, a dedicação e a duração de cada um.",
}


# --- 3. Introdução a gênero, diversidade e direitos humanos (autoinstrucional) ----------------

TRANSLATIONS["intro-gender-diversity-human-rights"] = {
    "slug": "introducao-genero-diversidade-direitos-humanos",
    "title": "Introdução a gênero, diversidade e direitos humanos",
    "listing_summary": (
        "Um curso breve autoinstrucional: conceitos básicos, marcos de direitos humanos e "
        "interseccionalidade. Comece quando quiser; sem tutoria e sem datas."
    ),
    "summary": (
        "Um curso breve e autoinstrucional sobre os conceitos básicos de sexo, gênero e "
        "diversidade, os marcos de direitos humanos que protegem a igualdade e a forma como a "
        "interseccionalidade e a análise baseada em gênero ajudam a desenhar políticas mais "
        "justas. Comece quando quiser."
    ),
    "overview": (
        "<p>A igualdade de gênero e o respeito à diversidade são compromissos assumidos por "
        "todos os países da região. Este curso oferece o vocabulário comum e os marcos que os "
        "sustentam, em três módulos breves.</p>"
        "<h3>Como o curso funciona</h3>"
        "<ul><li>Três módulos de cerca de duas horas cada um.</li>"
        "<li>Sem tutoria e sem datas: inscreva-se e comece a qualquer momento.</li>"
        "<li>Um certificado ao concluir todos os módulos e ser aprovado nos questionários."
        "</li></ul>"
        "<p>A mesma rede oferece um curso breve complementar sobre análise baseada em gênero "
        "plus (ABG+), para quem deseja se aprofundar.</p>"
    ),
    "audience": (
        "<p>Qualquer pessoa que busque uma introdução clara: servidores públicos, equipes de "
        "organizações de trabalhadores e de empregadores, estudantes e integrantes da "
        "sociedade civil.</p>"
    ),
    "organisers": "Uma rede regional de formação em igualdade de gênero.",
    "outcomes": [
        "Distinguir sexo, gênero, identidade de gênero e orientação sexual.",
        "Citar os principais instrumentos internacionais e regionais de direitos humanos sobre "
        "igualdade.",
        "Explicar a interseccionalidade e aplicar uma análise de gênero simples a uma política.",
    ],
    "competencies": [
        {
            "title": "Conceitos de gênero e diversidade",
            "description": "Utiliza com precisão os conceitos básicos de gênero e diversidade.",
        },
        {
            "title": "Abordagem baseada em direitos",
            "description": "Relaciona situações cotidianas às obrigações de direitos humanos.",
        },
    ],
}

TRANSLATIONS["basic-concepts-sex-gender-diversity"] = {
    "slug": "conceitos-basicos-sexo-genero-diversidade",
    "title": "Conceitos básicos: sexo, gênero e diversidade",
    "introduction": "O vocabulário de gênero e diversidade, explicado com simplicidade.",
    "body": [
        paragraph(
            "<h2>Sexo e gênero</h2>"
            "<p><b>Sexo</b> refere-se a características biológicas, como cromossomos, hormônios "
            "e anatomia. <b>Gênero</b> refere-se aos papéis, comportamentos e expectativas que "
            "uma sociedade associa ao fato de ser mulher ou homem. O sexo é em grande parte "
            "dado; o gênero é aprendido e muda com o tempo e de uma sociedade para outra.</p>"
            "<h3>Papéis e estereótipos de gênero</h3>"
            "<p>Os papéis de gênero definem, por exemplo, de quem se espera que cuide das "
            "crianças e de quem se espera que sustente a família. Os estereótipos transformam "
            "essas expectativas em suposições sobre o que mulheres e homens podem ou devem "
            "fazer, e limitam as escolhas de todas as pessoas.</p>"
            "<h2>Identidade de gênero e orientação sexual</h2>"
            "<p><b>Identidade de gênero</b> é a vivência íntima e profunda que cada pessoa tem "
            "do seu gênero, que pode ou não corresponder ao sexo atribuído no nascimento. A "
            "<b>orientação sexual</b> diz respeito a por quem uma pessoa sente atração. São "
            "coisas diferentes.</p>"
            "<h2>Diversidade</h2>"
            "<p>Diversidade significa reconhecer as muitas diferenças entre as pessoas: idade, "
            "deficiência, etnia, língua, situação migratória, religião, orientação sexual e "
            "identidade de gênero, entre outras. Uma organização inclusiva valoriza essas "
            "diferenças e remove as barreiras que elas podem trazer.</p>"
        ),
        callout(
            "note",
            "Igualdade e equidade",
            "<p>A <b>igualdade</b> é o objetivo: direitos, responsabilidades e oportunidades "
            "iguais. A <b>equidade</b> é um caminho para alcançá-la: tratar as pessoas de acordo "
            "com as suas necessidades, para que os pontos de partida não determinem os "
            "resultados.</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "Quais destas afirmações descrevem gênero, e não sexo?",
                    [
                        ("Esperar que as mulheres façam a maior parte do trabalho doméstico", True),
                        ("Cromossomos e hormônios", False),
                        ("Papéis que mudam de uma sociedade para outra", True),
                    ],
                ),
                question(
                    "Identidade de gênero e orientação sexual são…",
                    [
                        ("duas coisas diferentes", True),
                        ("duas palavras para a mesma coisa", False),
                    ],
                ),
                question(
                    "Tratar as pessoas de acordo com as suas necessidades, para que os pontos de "
                    "partida não determinem os resultados, chama-se…",
                    [("equidade", True), ("igualdade", False), ("diversidade", False)],
                ),
            ],
            pass_mark=70,
        ),
        reflection(
            "Pense em um estereótipo de gênero com o qual cresceu. Como ele afetou as suas "
            "escolhas ou as das pessoas ao seu redor?",
        ),
    ],
}

TRANSLATIONS["human-rights-frameworks"] = {
    "slug": "marcos-de-direitos-humanos",
    "title": "Marcos de direitos humanos para a igualdade",
    "introduction": (
        "Os instrumentos internacionais e regionais que protegem a igualdade e a não discriminação."
    ),
    "body": [
        paragraph(
            "<h2>Um fundamento: igual dignidade e direitos</h2>"
            "<p>A Declaração Universal dos Direitos Humanos, de 1948, começa afirmando que "
            "todos os seres humanos nascem livres e iguais em dignidade e direitos. Tratados "
            "posteriores transformaram esse princípio em obrigações para os Estados que os "
            "ratificam.</p>"
            "<h2>Instrumentos internacionais</h2>"
            "<ul><li>A <b>Convenção sobre a Eliminação de Todas as Formas de Discriminação "
            "contra a Mulher</b> (CEDAW, 1979) obriga os Estados a eliminar a discriminação "
            "contra as mulheres em todas as esferas da vida.</li>"
            "<li>As convenções internacionais do trabalho protegem a igualdade no trabalho: "
            "igualdade de remuneração por trabalho de igual valor (n.º 100, 1951), não "
            "discriminação em matéria de emprego e ocupação (n.º 111, 1958), trabalhadores com "
            "responsabilidades familiares (n.º 156, 1981) e violência e assédio (n.º 190, "
            "2019).</li></ul>"
            "<h2>Nas Américas</h2>"
            "<p>A <b>Convenção Interamericana para Prevenir, Punir e Erradicar a Violência "
            "contra a Mulher</b>, conhecida como Convenção de Belém do Pará (1994), foi o "
            "primeiro tratado a reconhecer o direito das mulheres a uma vida livre de "
            "violência, tanto no âmbito público quanto no privado.</p>"
        ),
        callout(
            "key_fact",
            "Três tipos de obrigação",
            "<p>Os Estados devem <b>respeitar</b> os direitos (não violá-los), <b>protegê-los"
            "</b> (impedir que terceiros os violem) e <b>realizá-los</b> (adotar medidas "
            "positivas para que as pessoas possam exercê-los).</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "Qual tratado trata da discriminação contra as mulheres em todas as esferas "
                    "da vida?",
                    [("CEDAW", True), ("Convenção n.º 100", False)],
                ),
                question(
                    "Quais convenções do trabalho tratam da igualdade no trabalho?",
                    [
                        ("A n.º 100, sobre igualdade de remuneração", True),
                        ("A n.º 111, sobre discriminação", True),
                        ("A n.º 156, sobre trabalhadores com responsabilidades familiares", True),
                    ],
                ),
                question(
                    "Impedir que empregadores privados discriminem é um exemplo da obrigação de…",
                    [("respeitar", False), ("proteger", True), ("realizar", False)],
                ),
                question(
                    "A Convenção de Belém do Pará é…",
                    [
                        ("um tratado interamericano sobre a violência contra a mulher", True),
                        ("um tratado mundial sobre igualdade salarial", False),
                    ],
                ),
            ],
            pass_mark=75,
        ),
    ],
}

TRANSLATIONS["intersectionality-and-gender-analysis"] = {
    "slug": "interseccionalidade-e-analise-de-genero",
    "title": "Interseccionalidade e análise baseada em gênero",
    "introduction": (
        "Por que as identidades se combinam, e um método simples para verificar a quem uma "
        "política chega."
    ),
    "body": [
        paragraph(
            "<h2>Interseccionalidade</h2>"
            "<p>As pessoas não vivem a discriminação uma identidade de cada vez. Uma mulher "
            "indígena mais velha que trabalha como empregada doméstica pode enfrentar barreiras "
            "que nem um jovem indígena nem uma mulher mais velha com um emprego de escritório "
            "enfrentariam. A <b>interseccionalidade</b>, termo introduzido pela jurista "
            "Kimberlé Crenshaw em 1989, dá nome a isso: as formas de discriminação se combinam "
            "e criam experiências próprias.</p>"
            "<h2>Análise baseada em gênero</h2>"
            "<p>A análise baseada em gênero pergunta como uma política, um programa ou um "
            "serviço afeta diferentes grupos de mulheres, homens e pessoas de gênero diverso. "
            "O “plus” de ABG+ lembra que é preciso olhar além do gênero, para outros fatores "
            "como idade, deficiência, etnia, renda e local de residência.</p>"
            "<h3>Quatro perguntas para começar</h3>"
            "<ol><li>A quem se destina a política, e quem fica de fora?</li>"
            "<li>Que dados temos, desagregados por sexo e por outros fatores?</li>"
            "<li>Que barreiras poderiam impedir alguns grupos de se beneficiar?</li>"
            "<li>O que mudaríamos para removê-las?</li></ol>"
        ),
        callout(
            "activity",
            "Experimente",
            "<p>Considere um programa de capacitação para pessoas desempregadas, oferecido à "
            "noite, em dias úteis, no centro da cidade. Com as quatro perguntas, quem ele "
            "poderia deixar de fora?</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "Interseccionalidade significa que…",
                    [
                        ("as formas de discriminação se combinam e interagem", True),
                        ("apenas uma identidade importa de cada vez", False),
                    ],
                ),
                question(
                    "O “plus” de ABG+ lembra que é preciso considerar…",
                    [
                        ("idade, deficiência, etnia e outros fatores", True),
                        ("apenas o sexo das pessoas afetadas", False),
                    ],
                ),
                question(
                    "Aulas noturnas no centro da cidade podem deixar de fora…",
                    [
                        ("pessoas com responsabilidades de cuidado à noite", True),
                        ("pessoas que vivem em áreas rurais", True),
                        ("ninguém, já que as aulas são gratuitas", False),
                    ],
                ),
            ],
            pass_mark=70,
        ),
        reflection(
            "Aplique as quatro perguntas a um serviço que conheça bem. O que descobriu?",
            "<p>Este curso não tem tutoria: a sua reflexão é para uso próprio e fica no seu "
            "histórico de aprendizagem.</p>",
        ),
    ],
}
