import type { PlaceCategory } from '../../../shared/domain/place.js';

/**
 * What a kind of place looks like to each provider: our category, Kakao's group code and category
 * path ("CODE|path", empty code when Kakao has no group), Google's types (primary first), and extra
 * search words in Korean and English so keyword search finds it by what it is ("궁궐", "palace").
 */
export interface PlaceKind {
  category: PlaceCategory;
  kakao: string;
  google: readonly string[];
  ko: readonly string[];
  en: readonly string[];
}

const kind = (category: PlaceCategory, kakao: string, google: string, ko: string, en: string): PlaceKind => ({
  category,
  kakao,
  google: google.split(','),
  ko: ko.split(',').filter(Boolean),
  en: en.split(',').filter(Boolean),
});

export const PLACE_KINDS = {
  palace: kind('culture', 'AT4|여행 > 관광,명소 > 고궁,궁', 'historical_landmark,tourist_attraction', '궁궐,고궁,문화재', 'palace,heritage'),
  shrine: kind('culture', 'AT4|여행 > 관광,명소 > 문화유적 > 사당', 'historical_landmark,tourist_attraction', '문화재,유적', 'shrine,heritage'),
  heritage: kind('culture', 'AT4|여행 > 관광,명소 > 문화유적 > 유적지', 'historical_landmark,tourist_attraction', '문화재,유적', 'heritage,historic site'),
  jpshrine: kind('culture', 'AT4|여행 > 관광,명소 > 신사', 'shinto_shrine,place_of_worship,tourist_attraction', '신사', 'shrine'),
  temple: kind('culture', 'AT4|여행 > 관광,명소 > 사찰', 'buddhist_temple,place_of_worship,tourist_attraction', '절,사찰', 'temple'),
  museum: kind('culture', 'CT1|문화,예술 > 문화시설 > 박물관', 'museum,tourist_attraction', '박물관,전시', 'museum,exhibition'),
  gallery: kind('culture', 'CT1|문화,예술 > 문화시설 > 미술관', 'art_gallery,museum', '미술관,전시', 'art,gallery,museum,exhibition'),
  theater: kind('culture', 'CT1|문화,예술 > 공연장', 'performing_arts_theater', '공연,공연장', 'theater,performance'),
  landmark: kind('attraction', 'AT4|여행 > 관광,명소 > 랜드마크', 'tourist_attraction', '명소,랜드마크', 'landmark,sightseeing'),
  tower: kind('attraction', 'AT4|여행 > 관광,명소 > 전망대', 'observation_deck,tourist_attraction', '전망대,타워,야경', 'tower,observatory,view'),
  village: kind('attraction', 'AT4|여행 > 관광,명소 > 문화마을', 'tourist_attraction', '마을,골목', 'village,alley'),
  street: kind('attraction', 'AT4|여행 > 관광,명소 > 테마거리', 'tourist_attraction', '거리,골목', 'street'),
  square: kind('attraction', 'AT4|여행 > 관광,명소 > 광장', 'plaza,tourist_attraction', '광장', 'square,plaza'),
  park: kind('nature', 'AT4|여행 > 공원 > 도시근린공원', 'park,tourist_attraction', '공원,산책,자연', 'park,walk,nature'),
  stream: kind('nature', 'AT4|여행 > 관광,명소 > 하천', 'park,tourist_attraction', '하천,산책,자연', 'stream,walk,nature'),
  garden: kind('nature', 'AT4|여행 > 관광,명소 > 수목원,식물원', 'botanical_garden,garden,tourist_attraction', '정원,수목원,식물원,자연', 'garden,botanical garden,nature'),
  mountain: kind('nature', 'AT4|여행 > 관광,명소 > 산', 'hiking_area,national_park,tourist_attraction', '산,등산,자연', 'mountain,hiking,nature'),
  oreum: kind('nature', 'AT4|여행 > 관광,명소 > 오름', 'hiking_area,tourist_attraction', '오름,등산,자연', 'volcanic cone,hiking,nature'),
  trail: kind('nature', 'AT4|여행 > 관광,명소 > 산책로', 'hiking_area,tourist_attraction', '산책로,둘레길,자연', 'trail,walk,hiking,nature'),
  forest: kind('nature', 'AT4|여행 > 관광,명소 > 숲', 'park,hiking_area,tourist_attraction', '숲,산책,자연', 'forest,walk,nature'),
  beach: kind('nature', 'AT4|여행 > 관광,명소 > 해수욕장,해변', 'beach,tourist_attraction', '해변,바다,해수욕장,자연', 'beach,sea,nature'),
  coast: kind('nature', 'AT4|여행 > 관광,명소 > 해안', 'natural_feature,tourist_attraction', '해안,바다,자연', 'coast,sea,nature'),
  island: kind('nature', 'AT4|여행 > 관광,명소 > 섬', 'natural_feature,tourist_attraction', '섬,바다,자연', 'island,nature'),
  waterfall: kind('nature', 'AT4|여행 > 관광,명소 > 폭포', 'natural_feature,tourist_attraction', '폭포,자연', 'waterfall,nature'),
  rock: kind('nature', 'AT4|여행 > 관광,명소 > 바위', 'natural_feature,tourist_attraction', '바위,해안,자연', 'rock,coast,nature'),
  cave: kind('nature', 'AT4|여행 > 관광,명소 > 동굴', 'natural_feature,tourist_attraction', '동굴,자연', 'cave,lava tube,nature'),
  korean: kind('restaurant', 'FD6|음식점 > 한식', 'korean_restaurant,restaurant', '맛집,한식,식당', 'korean food,restaurant'),
  gukbap: kind('restaurant', 'FD6|음식점 > 한식 > 국밥', 'korean_restaurant,restaurant', '맛집,국밥,한식', 'soup,korean food,restaurant'),
  noodle: kind('restaurant', 'FD6|음식점 > 한식 > 국수', 'korean_restaurant,restaurant', '맛집,국수,면,한식', 'noodles,korean food,restaurant'),
  bbq: kind('restaurant', 'FD6|음식점 > 한식 > 육류,고기', 'barbecue_restaurant,korean_restaurant,restaurant', '맛집,고기,구이,한식', 'bbq,barbecue,korean food,restaurant'),
  seafood: kind('restaurant', 'FD6|음식점 > 한식 > 해물,생선', 'seafood_restaurant,restaurant', '맛집,해물,회', 'seafood,restaurant'),
  pizza: kind('restaurant', 'FD6|음식점 > 양식 > 피자', 'pizza_restaurant,restaurant', '맛집,피자,양식', 'pizza,restaurant'),
  fine: kind('restaurant', 'FD6|음식점 > 한식 > 한정식', 'fine_dining_restaurant,korean_restaurant,restaurant', '맛집,파인다이닝,한정식', 'fine dining,tasting menu,restaurant'),
  pub: kind('restaurant', 'FD6|음식점 > 술집 > 호프,요리주점', 'bar,restaurant', '술집,포차,맛집', 'bar,pub,nightlife'),
  bar: kind('restaurant', 'FD6|음식점 > 술집 > 바', 'bar', '술집,바,재즈', 'bar,nightlife'),
  ramen: kind('restaurant', 'FD6|음식점 > 일식 > 라멘', 'ramen_restaurant,japanese_restaurant,restaurant', '맛집,라멘,일식', 'ramen,japanese food,restaurant'),
  sushi: kind('restaurant', 'FD6|음식점 > 일식 > 초밥,롤', 'sushi_restaurant,japanese_restaurant,restaurant', '맛집,초밥,스시,일식', 'sushi,japanese food,restaurant'),
  japanese: kind('restaurant', 'FD6|음식점 > 일식', 'japanese_restaurant,restaurant', '맛집,일식', 'japanese food,restaurant'),
  izakaya: kind('restaurant', 'FD6|음식점 > 술집 > 이자카야', 'japanese_izakaya_restaurant,bar,restaurant', '술집,이자카야,꼬치', 'izakaya,yakitori,nightlife'),
  vegetarian: kind('restaurant', 'FD6|음식점 > 채식,비건', 'vegetarian_restaurant,vegan_restaurant,restaurant', '맛집,채식,비건,사찰음식', 'vegetarian,vegan,restaurant'),
  chinese: kind('restaurant', 'FD6|음식점 > 중식', 'chinese_restaurant,restaurant', '맛집,중식,중국집,짜장면', 'chinese food,restaurant'),
  italian: kind('restaurant', 'FD6|음식점 > 양식 > 이탈리안', 'italian_restaurant,restaurant', '맛집,양식,파스타', 'italian,pasta,restaurant'),
  western: kind('restaurant', 'FD6|음식점 > 양식', 'american_restaurant,restaurant', '맛집,양식,브런치,버거', 'western food,brunch,burger,restaurant'),
  chicken: kind('restaurant', 'FD6|음식점 > 치킨', 'chicken_restaurant,restaurant', '맛집,치킨,닭', 'fried chicken,restaurant'),
  bunsik: kind('restaurant', 'FD6|음식점 > 분식', 'korean_restaurant,restaurant', '맛집,분식,떡볶이,김밥', 'street food,tteokbokki,korean food,restaurant'),
  halal: kind('restaurant', 'FD6|음식점 > 아시아음식 > 할랄', 'middle_eastern_restaurant,restaurant', '맛집,할랄,중동음식', 'halal,middle eastern,restaurant'),
  indian: kind('restaurant', 'FD6|음식점 > 아시아음식 > 인도음식', 'indian_restaurant,restaurant', '맛집,인도음식,커리', 'indian,curry,restaurant'),
  tonkatsu: kind('restaurant', 'FD6|음식점 > 일식 > 돈까스', 'japanese_restaurant,restaurant', '맛집,돈까스,일식', 'tonkatsu,japanese food,restaurant'),
  soba: kind('restaurant', 'FD6|음식점 > 일식 > 소바,우동', 'japanese_restaurant,restaurant', '맛집,소바,우동,일식', 'soba,udon,noodles,japanese food,restaurant'),
  tempura: kind('restaurant', 'FD6|음식점 > 일식 > 튀김,덴푸라', 'japanese_restaurant,restaurant', '맛집,덴푸라,튀김,일식', 'tempura,japanese food,restaurant'),
  yakiniku: kind('restaurant', 'FD6|음식점 > 일식 > 야키니쿠', 'barbecue_restaurant,japanese_restaurant,restaurant', '맛집,야키니쿠,고기,일식', 'yakiniku,bbq,japanese food,restaurant'),
  cafe: kind('cafe', 'CE7|음식점 > 카페 > 커피전문점', 'coffee_shop,cafe', '카페,커피', 'cafe,coffee'),
  bakery: kind('cafe', 'CE7|음식점 > 카페 > 제과,베이커리', 'bakery,cafe', '카페,빵,베이커리', 'bakery,cafe,coffee'),
  teahouse: kind('cafe', 'CE7|음식점 > 카페 > 전통찻집', 'tea_house,cafe', '카페,찻집,차', 'tea,tea house,cafe'),
  hotel: kind('lodging', 'AD5|여행 > 숙박 > 호텔', 'hotel,lodging', '숙소,호텔', 'hotel,stay'),
  resort: kind('lodging', 'AD5|여행 > 숙박 > 리조트', 'resort_hotel,hotel,lodging', '숙소,리조트,호텔', 'resort,hotel,stay'),
  hanok: kind('lodging', 'AD5|여행 > 숙박 > 게스트하우스', 'guest_house,lodging', '숙소,한옥,게스트하우스', 'hanok stay,guest house,stay'),
  ryokan: kind('lodging', 'AD5|여행 > 숙박 > 료칸', 'japanese_inn,hotel,lodging', '숙소,료칸', 'ryokan,japanese inn,stay'),
  market: kind('shopping', '|가정,생활 > 시장', 'market,tourist_attraction', '시장,쇼핑,먹거리', 'market,shopping,street food'),
  mall: kind('shopping', '|쇼핑 > 쇼핑몰', 'shopping_mall', '쇼핑,쇼핑몰', 'shopping,mall'),
  dept: kind('shopping', '|쇼핑 > 백화점', 'department_store,shopping_mall', '쇼핑,백화점', 'shopping,department store'),
  discount: kind('shopping', '|쇼핑 > 할인매장', 'discount_store,store', '쇼핑,할인', 'shopping,discount store'),
  shopstreet: kind('shopping', '|쇼핑 > 쇼핑거리', 'shopping_mall,tourist_attraction', '쇼핑,거리', 'shopping,street'),
  themepark: kind('activity', 'AT4|여행 > 관광,명소 > 테마파크', 'amusement_park,tourist_attraction', '테마파크,놀이공원,체험', 'theme park,amusement park,rides,activity'),
  aquarium: kind('activity', 'AT4|여행 > 관광,명소 > 아쿠아리움', 'aquarium,tourist_attraction', '아쿠아리움,수족관,체험', 'aquarium,activity'),
  zoo: kind('activity', 'AT4|여행 > 관광,명소 > 동물원', 'zoo,park', '동물원,체험', 'zoo,animals,activity'),
  spa: kind('activity', '|서비스,산업 > 목욕,사우나 > 찜질방', 'spa', '찜질방,사우나,스파,체험', 'spa,sauna,jjimjilbang,activity'),
  cablecar: kind('activity', 'AT4|여행 > 관광,명소 > 케이블카', 'tourist_attraction', '케이블카,체험', 'cable car,activity'),
  cruise: kind('activity', '|스포츠,레저 > 유람선', 'tourist_attraction', '유람선,크루즈,체험', 'cruise,boat,activity'),
  stadium: kind('activity', '|스포츠,레저 > 경기장', 'stadium,sports_complex', '야구,경기장,스포츠', 'stadium,baseball,sports,activity'),
} as const satisfies Record<string, PlaceKind>;

export type PlaceKindName = keyof typeof PLACE_KINDS;
